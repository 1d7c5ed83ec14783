package com.capidemo.core.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Local-mode worker authentication: the local dispatchers send the shared secret in X-Worker-Secret.
 * Without a configured secret (a developer running a worker alone) every request is accepted.
 */
public class SharedSecretWorkerAuthenticator implements WorkerAuthenticator {

    public static final String HEADER = "X-Worker-Secret";

    private final String expected;

    public SharedSecretWorkerAuthenticator(String expected) {
        this.expected = expected == null || expected.isBlank() ? null : expected;
    }

    @Override
    public void verify(String authorization, String presented) {
        if (expected == null) {
            return;
        }
        if (presented == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unauthorized("missing or wrong " + HEADER);
        }
    }
}
