package com.capidemo.api.rest;

import com.capidemo.api.service.SetupService;
import com.capidemo.api.service.SetupService.SetupResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Set a Google Cloud project up in one call (admin token, checked by AdminTokenFilter, since it may create a tenant). */
@Path("/api/setup")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SetupResource {

    public record SetupRequest(
            @NotBlank
            @Pattern(
                    regexp = "[a-z][a-z0-9-]{4,28}[a-z0-9]",
                    message = "must be a Google Cloud project id: 6-30 lowercase letters, digits or hyphens")
            String projectId) {}

    private final SetupService setup;

    public SetupResource(SetupService setup) {
        this.setup = setup;
    }

    @POST
    public Response setup(@Valid @NotNull SetupRequest request) {
        SetupResult result = setup.setup(request.projectId());
        return Response.status(result.jobId() == null ? 200 : 202)
                .entity(result)
                .build();
    }
}
