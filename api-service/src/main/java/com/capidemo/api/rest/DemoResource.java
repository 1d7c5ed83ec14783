package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.web.ApiProblem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/demos")
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

    private final DemoStore demos;
    private final CallerContext caller;

    public DemoResource(DemoStore demos, CallerContext caller) {
        this.demos = demos;
        this.caller = caller;
    }

    @GET
    public List<Demo> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiProblem.invalid("limit", "must be between 1 and 500");
        }
        return demos.listByTenant(caller.tenantId(), limit);
    }

    @GET
    @Path("/{demoId}")
    public Demo get(@PathParam("demoId") String demoId) {
        return demos.find(demoId).filter(d -> d.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> ApiProblem.notFound("demo", demoId));
    }
}
