package com.capidemo.shared.web;

import com.capidemo.shared.adapter.Adapter;
import com.capidemo.shared.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** platform.worker.auth=oidc: Google-signed ID tokens, verified by {@link OidcWorkerAuthenticator}. */
@Adapter("oidc")
@ApplicationScoped
public class OidcAuthenticators implements WorkerAuthenticators.OidcAuthenticatorFactory {

    @Override
    public WorkerAuthenticator create(PlatformConfig.Oidc settings) {
        return new OidcWorkerAuthenticator(settings.audience().orElse(null),
                settings.serviceAccountEmail().orElse(null), settings.issuer(), settings.certsUrl());
    }
}
