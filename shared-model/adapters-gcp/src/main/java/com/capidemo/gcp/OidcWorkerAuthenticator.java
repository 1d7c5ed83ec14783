package com.capidemo.gcp;

import com.capidemo.core.web.ApiProblem;
import com.capidemo.core.web.WorkerAuthenticator;

import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.auth.oauth2.TokenVerifier;

/**
 * Accepts only a Google-signed ID token (signature checked against the issuer's keys, not expired,
 * expected issuer and audience) whose verified email is the configured service account: what Pub/Sub
 * push subscriptions and Cloud Tasks send when configured with an OIDC token.
 */
public class OidcWorkerAuthenticator implements WorkerAuthenticator {

    private final TokenVerifier verifier;
    private final String serviceAccountEmail;

    public OidcWorkerAuthenticator(String audience, String serviceAccountEmail, String issuer, String certsUrl) {
        if (audience == null || audience.isBlank() || serviceAccountEmail == null || serviceAccountEmail.isBlank()) {
            throw new IllegalStateException("platform.worker.auth=oidc needs platform.worker.oidc.audience and "
                    + "platform.worker.oidc.service-account-email");
        }
        this.verifier = TokenVerifier.newBuilder().setAudience(audience).setIssuer(issuer)
                .setCertificatesLocation(certsUrl).build();
        this.serviceAccountEmail = serviceAccountEmail;
    }

    @Override
    public void verify(String authorization, String workerSecret) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiProblem.unauthorized("missing bearer token");
        }
        JsonWebSignature token;
        try {
            token = verifier.verify(authorization.substring(7).trim());
        } catch (TokenVerifier.VerificationException | RuntimeException e) {
            throw ApiProblem.unauthorized("invalid token");
        }
        Object email = token.getPayload().get("email");
        Object verified = token.getPayload().get("email_verified");
        if (!serviceAccountEmail.equals(email) || !(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            throw ApiProblem.unauthorized("token is not from the expected service account");
        }
    }
}
