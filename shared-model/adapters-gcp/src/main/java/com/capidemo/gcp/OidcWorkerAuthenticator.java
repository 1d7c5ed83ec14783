package com.capidemo.gcp;

import com.capidemo.core.web.ApiProblem;
import com.capidemo.core.web.WorkerAuthenticator;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import com.google.auth.oauth2.TokenVerifier;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * Accepts only a Google ID token for the configured audience whose verified email is the configured service account:
 * what Pub/Sub push subscriptions, Cloud Tasks and Cloud Scheduler send when configured with an OIDC token.
 *
 * <p>Two ways to trust it, chosen by platform.worker.oidc.verification:
 * <ul>
 * <li>{@link Verification#SIGNATURE}: the signature is checked against the issuer's keys (certs-url), then issuer,
 * audience and expiry. For a worker reachable by anything but Cloud Run's IAM front end.</li>
 * <li>{@link Verification#CLOUD_RUN_IAM}: the worker is an IAM-protected Cloud Run service. Cloud Run verifies the
 * caller's token (signature, expiry, invoker permission) before the request reaches the container, and passes it on
 * with the signature replaced by {@value #SIGNATURE_REMOVED} ("signature removed" in Cloud Run's troubleshooting
 * guide). Such a token is accepted on its claims: issuer, audience, email and email_verified, expiry (and issued-at)
 * against the platform clock. A token that still carries a signature is verified as in signature mode, and one with
 * an empty or any other placeholder signature is refused.</li>
 * </ul>
 */
public class OidcWorkerAuthenticator implements WorkerAuthenticator {

    /** What Cloud Run puts where the signature was, after verifying a Google-signed ID token. */
    public static final String SIGNATURE_REMOVED = "SIGNATURE_REMOVED_BY_GOOGLE";

    /** Tolerance for clocks that disagree by a little, as Google's own token verifier allows. */
    static final long CLOCK_SKEW_SECONDS = 300;

    private static final JsonFactory JSON = GsonFactory.getDefaultInstance();

    /** Who checks the token's signature. */
    public enum Verification {
        SIGNATURE,
        CLOUD_RUN_IAM;

        public static Verification of(String setting) {
            return switch (setting == null ? "" : setting.trim()) {
                case "signature" -> SIGNATURE;
                case "cloud-run-iam" -> CLOUD_RUN_IAM;
                default ->
                    throw new IllegalStateException(
                            "platform.worker.oidc.verification must be signature or cloud-run-iam, not " + setting);
            };
        }
    }

    private final TokenVerifier verifier;
    private final String audience;
    private final String issuer;
    private final String serviceAccountEmail;
    private final Verification verification;
    private final Clock clock;

    public OidcWorkerAuthenticator(
            String audience,
            String serviceAccountEmail,
            String issuer,
            String certsUrl,
            Verification verification,
            Clock clock) {
        if (audience == null || audience.isBlank() || serviceAccountEmail == null || serviceAccountEmail.isBlank()) {
            throw new IllegalStateException("platform.worker.auth=oidc needs platform.worker.oidc.audience and "
                    + "platform.worker.oidc.service-account-email");
        }
        this.verifier = TokenVerifier.newBuilder()
                .setAudience(audience)
                .setIssuer(issuer)
                .setCertificatesLocation(certsUrl)
                .setClock(clock::millis)
                .build();
        this.audience = audience;
        this.issuer = issuer;
        this.serviceAccountEmail = serviceAccountEmail;
        this.verification = verification;
        this.clock = clock;
    }

    @Override
    public void verify(String authorization, String workerSecret) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiProblem.unauthorized("missing bearer token");
        }
        String token = authorization.substring(7).trim();
        JsonWebToken.Payload claims =
                verification == Verification.CLOUD_RUN_IAM && token.endsWith("." + SIGNATURE_REMOVED)
                        ? checkedByCloudRun(token)
                        : signed(token);
        Object email = claims.get("email");
        Object verified = claims.get("email_verified");
        if (!serviceAccountEmail.equals(email) || !(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            throw ApiProblem.unauthorized("token is not from the expected service account");
        }
    }

    private JsonWebToken.Payload signed(String token) {
        try {
            return verifier.verify(token).getPayload();
        } catch (TokenVerifier.VerificationException | RuntimeException e) {
            throw ApiProblem.unauthorized("invalid token");
        }
    }

    /** The claims of a token whose signature Cloud Run verified and removed. */
    private JsonWebToken.Payload checkedByCloudRun(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw ApiProblem.unauthorized("invalid token");
        }
        JsonWebSignature.Header header = parse(parts[0], JsonWebSignature.Header.class);
        JsonWebToken.Payload claims = parse(parts[1], JsonWebToken.Payload.class);
        // Cloud Run keeps the header of the token it verified: a Google ID token is RS256 with a key id.
        if (!"RS256".equals(header.getAlgorithm()) || header.getKeyId() == null) {
            throw ApiProblem.unauthorized("invalid token");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw ApiProblem.unauthorized("invalid token issuer");
        }
        List<String> audiences = claims.getAudienceAsList();
        if (audiences == null || !audiences.contains(audience)) {
            throw ApiProblem.unauthorized("invalid token audience");
        }
        long now = clock.millis() / 1000;
        Long expires = claims.getExpirationTimeSeconds();
        Long issued = claims.getIssuedAtTimeSeconds();
        if (expires == null
                || now > expires + CLOCK_SKEW_SECONDS
                || (issued != null && issued > now + CLOCK_SKEW_SECONDS)) {
            throw ApiProblem.unauthorized("token expired");
        }
        return claims;
    }

    private static <T> T parse(String part, Class<T> type) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(part);
            return JSON.fromInputStream(new java.io.ByteArrayInputStream(json), type);
        } catch (IOException | RuntimeException e) {
            throw ApiProblem.unauthorized("invalid token");
        }
    }
}
