package com.capidemo.gcp;

import com.capidemo.core.web.WorkerAuthenticator;
import com.capidemo.core.web.WorkerAuthenticators;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.config.PlatformConfig;
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
