package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.ProvisionService;
import com.capidemo.api.service.ProvisionService.Accepted;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.StepRecord;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/provision")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisionResource {

    public record QuickRequest(
            @NotBlank @Size(max = 64) String templateId,
            @Size(max = 120) String customerName) {}

    public record CustomRequest(
            @NotBlank @Size(max = 120) String customerName,
            @NotBlank @Size(max = 64) String industry,

            @Size(max = 300)
            @Pattern(regexp = "(?i)(https?://)?[a-z0-9.-]+\\.[a-z]{2,}(/\\S*)?", message = "must be a web address")
            String website,

            @Size(max = 4000) String description,
            @Size(max = 10) List<@NotBlank @Size(max = 200) String> useCases) {}

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
        return Response.accepted(accepted)
                .location(URI.create(accepted.statusUrl()))
                .build();
    }

    @POST
    @Path("/custom")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response custom(@Valid @NotNull CustomRequest request) {
        Accepted accepted = provisioning.custom(
                caller.caller(),
                new ProvisionService.CustomBrief(
                        request.customerName(),
                        request.industry(),
                        request.website(),
                        request.description(),
                        request.useCases()));
        return Response.accepted(accepted)
                .location(URI.create(accepted.statusUrl()))
                .build();
    }

    @GET
    @Path("/status/{jobId}")
    public Job status(@PathParam("jobId") String jobId) {
        return provisioning.status(caller.caller(), jobId);
    }

    /** Each stage's checkpoint of a custom job: status, attempts, start/end, duration, output summary and log. */
    @GET
    @Path("/status/{jobId}/steps")
    public List<StepRecord> steps(@PathParam("jobId") String jobId) {
        return provisioning.steps(caller.caller(), jobId);
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
