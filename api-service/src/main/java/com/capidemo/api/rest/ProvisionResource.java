package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.ProvisionService;
import com.capidemo.api.service.ProvisionService.Accepted;
import com.capidemo.shared.domain.Caller;
import com.capidemo.shared.domain.Job;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/provision")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisionResource {

    public record QuickRequest(@NotBlank @Size(max = 64) String templateId, @Size(max = 120) String customerName) {
    }

    private final ProvisionService provisioning;
    private final CallerContext caller;

    public ProvisionResource(ProvisionService provisioning, CallerContext caller) {
        this.provisioning = provisioning;
        this.caller = caller;
    }

    @POST
    @Path("/quick")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response quick(@Valid @NotNull QuickRequest request) {
        Accepted accepted = provisioning.quick(caller.caller(), request.templateId(), request.customerName());
        return Response.accepted(accepted).location(URI.create(accepted.statusUrl())).build();
    }

    @GET
    @Path("/status/{jobId}")
    public Job status(@PathParam("jobId") String jobId) {
        return provisioning.status(caller.caller(), jobId);
    }

    /** Server-Sent Events: the job document each time it changes, ending with the completed or failed one. */
    @GET
    @Path("/status/{jobId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking // the key lookup and the first read are JDBC: keep them off the event loop
    public Multi<Job> events(@PathParam("jobId") String jobId) {
        Caller who = caller.caller();
        provisioning.status(who, jobId); // unknown or foreign job: 404 before the stream opens
        return JobEvents.untilFinished(() -> provisioning.status(who, jobId));
    }
}
