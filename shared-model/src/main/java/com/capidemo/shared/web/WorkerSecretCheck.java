package com.capidemo.shared.web;

import com.capidemo.shared.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Local-mode authentication of worker endpoints: the dispatchers send the shared secret in
 * X-Worker-Secret. (In gcp mode the Google-signed OIDC token takes this role.)
 */
@ApplicationScoped
public class WorkerSecretCheck {

    public static final String HEADER = "X-Worker-Secret";

    private final PlatformConfig config;

    public WorkerSecretCheck(PlatformConfig config) {
        this.config = config;
    }

    /** @throws ApiProblem 401 when a secret is configured and the header does not match it */
    public void verify(String presented) {
        String expected = config.worker().sharedSecret().orElse(null);
        if (expected == null) {
            return;
        }
        if (presented == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unauthorized("missing or wrong " + HEADER);
        }
    }
}
