package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.PipelineService;
import com.capidemo.api.service.PipelineService.Triggered;
import com.capidemo.core.web.ApiProblem;
import jakarta.validation.Valid;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@Path("/api/v1/pipelines")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    /** {@code date} is the run's business date (YYYY-MM-DD), today (UTC) when omitted; the body is required ({}). */
    public record RunRequest(
            @Size(max = 120) String triggerBy,
            @Size(max = 10) String date) {}

    private final PipelineService pipelines;
    private final CallerContext caller;

    public PipelineResource(PipelineService pipelines, CallerContext caller) {
        this.pipelines = pipelines;
        this.caller = caller;
    }

    @POST
    @Path("/run/{tenantId}/{provider}/{domain}/{templateName}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response run(
            @PathParam("tenantId") String tenantId,
            @PathParam("provider") String provider,
            @PathParam("domain") String domain,
            @PathParam("templateName") String templateName,
            @Valid @NotNull RunRequest body) {
        Triggered run = pipelines.run(
                caller.caller(), tenantId, provider, domain, templateName, body.triggerBy(), date(body.date()));
        return Response.accepted(run).location(URI.create(run.statusUrl())).build();
    }

    @GET
    @Path("/runs/{runId}")
    public PipelineService.RunView status(@PathParam("runId") String runId) {
        return pipelines.status(caller.caller(), runId);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("date", "must be a date as YYYY-MM-DD");
        }
    }
}
