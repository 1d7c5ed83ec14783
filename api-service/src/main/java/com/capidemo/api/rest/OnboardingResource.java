package com.capidemo.api.rest;

import com.capidemo.api.service.OnboardingService;
import com.capidemo.api.service.OnboardingService.Onboarded;
import com.capidemo.shared.web.AdminToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/v1/customers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    public record OnboardRequest(
            @NotBlank
            @Pattern(regexp = "[a-z0-9_]{3,50}", message = "must be 3-50 lowercase letters, digits or underscores")
            String tenantId,
            @Email String userEmail) {
    }

    private final OnboardingService onboarding;
    private final AdminToken adminToken;

    public OnboardingResource(OnboardingService onboarding, AdminToken adminToken) {
        this.onboarding = onboarding;
        this.adminToken = adminToken;
    }

    @POST
    @Path("/onboard")
    @ResponseStatus(201)
    public Onboarded onboard(@HeaderParam(AdminToken.HEADER) String token, @Valid @NotNull OnboardRequest request) {
        adminToken.verify(token);
        return onboarding.onboard(request.tenantId(), request.userEmail());
    }
}
