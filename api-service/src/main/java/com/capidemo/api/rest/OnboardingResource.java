package com.capidemo.api.rest;

import com.capidemo.api.service.OnboardingService;
import com.capidemo.api.service.OnboardingService.Onboarded;
import com.capidemo.core.web.TenantId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Tenant onboarding (admin token checked by AdminTokenFilter, platform.edge.admin-token-paths). */
@Path("/api/v1/customers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    public record OnboardRequest(
            @NotBlank @TenantId String tenantId, @Email String userEmail) {}

    private final OnboardingService onboarding;

    public OnboardingResource(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @POST
    @Path("/onboard")
    @ResponseStatus(201)
    public Onboarded onboard(@Valid @NotNull OnboardRequest request) {
        return onboarding.onboard(request.tenantId(), request.userEmail());
    }
}
