package com.capidemo.shared.web;

import com.capidemo.shared.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the worker authentication from configuration (platform.worker.auth), in one place. */
@ApplicationScoped
public class WorkerAuthenticators {

    @Produces
    @ApplicationScoped
    WorkerAuthenticator authenticator(PlatformConfig config) {
        PlatformConfig.Worker worker = config.worker();
        return switch (worker.auth()) {
            case "shared-secret" -> new SharedSecretWorkerAuthenticator(worker.sharedSecret().orElse(null));
            case "oidc" -> new OidcWorkerAuthenticator(worker.oidc().audience().orElse(null),
                    worker.oidc().serviceAccountEmail().orElse(null), worker.oidc().issuer(),
                    worker.oidc().certsUrl());
            default -> throw new IllegalStateException("platform.worker.auth must be shared-secret or oidc, not "
                    + worker.auth());
        };
    }
}
