package com.capidemo.gcp;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.web.WorkerAuthenticator;
import com.capidemo.core.web.WorkerAuthenticators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * platform.worker.auth=oidc: Google ID tokens, checked by {@link OidcWorkerAuthenticator} with the signature verified
 * here or, behind Cloud Run's IAM (platform.worker.oidc.verification=cloud-run-iam), by Cloud Run.
 */
@Adapter("oidc")
@ApplicationScoped
public class OidcAuthenticators implements WorkerAuthenticators.OidcAuthenticatorFactory {

    @Inject
    Clock clock;

    @Override
    public WorkerAuthenticator create(PlatformConfig.Oidc settings) {
        return new OidcWorkerAuthenticator(
                settings.audience().orElse(null),
                settings.serviceAccountEmail().orElse(null),
                settings.issuer(),
                settings.certsUrl(),
                OidcWorkerAuthenticator.Verification.of(settings.verification()),
                clock);
    }
}
