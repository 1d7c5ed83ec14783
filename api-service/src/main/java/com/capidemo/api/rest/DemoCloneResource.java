package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.DemoCloning;
import com.capidemo.api.service.ProvisionService.Accepted;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code POST /api/demos/{id}/clone}: a new demo of the caller's from a ready demo of the tenant, as a clone job. */
@Path("/api/demos/{demoId}/clone")
@Produces(MediaType.APPLICATION_JSON)
public class DemoCloneResource {

    /** The body is optional; without a name the clone is called after its source. */
    public record CloneRequest(
            @Size(max = DemoCloning.MAX_CUSTOMER_NAME) String newCustomerName) {}

    private final DemoCloning cloning;
    private final CallerContext caller;

    public DemoCloneResource(DemoCloning cloning, CallerContext caller) {
        this.cloning = cloning;
        this.caller = caller;
    }

    /** 202 {job_id, demo_id, status:"queued", status_url} with the status URL as Location. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cloneDemo(@PathParam("demoId") String demoId, @Valid CloneRequest request) {
        return accepted(cloning.cloneDemo(caller.caller(), demoId, request == null ? null : request.newCustomerName()));
    }

    /** The same without a body (no Content-Type): the clone is named after its source. */
    @POST
    public Response cloneDemo(@PathParam("demoId") String demoId) {
        return accepted(cloning.cloneDemo(caller.caller(), demoId, null));
    }

    private static Response accepted(Accepted accepted) {
        return Response.accepted(accepted)
                .location(URI.create(accepted.statusUrl()))
                .build();
    }
}
