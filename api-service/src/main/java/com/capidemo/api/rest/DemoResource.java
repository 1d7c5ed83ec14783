package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.DemoService;
import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.web.ApiProblem;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/api/demos")
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

    private final DemoStore demos;
    private final DemoService service;
    private final CallerContext caller;

    public DemoResource(DemoStore demos, DemoService service, CallerContext caller) {
        this.demos = demos;
        this.service = service;
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
        return service.get(caller.caller(), demoId);
    }

    /** Drops the dataset and the agent and keeps the record as deleted; 204 again for a deleted demo. */
    @DELETE
    @Path("/{demoId}")
    public Response delete(@PathParam("demoId") String demoId) {
        service.delete(caller.caller(), demoId);
        return Response.noContent().build();
    }
}
