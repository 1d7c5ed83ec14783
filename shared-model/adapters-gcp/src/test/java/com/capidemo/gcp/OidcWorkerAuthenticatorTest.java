package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.testing.MutableClock;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.gcp.OidcWorkerAuthenticator.Verification;
import com.google.api.client.json.webtoken.JsonWebToken;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Worker OIDC checks against real token shapes: tokens signed with a test key served from a local JWKS endpoint, the
 * same tokens as Cloud Run hands them to its container (signature replaced by SIGNATURE_REMOVED_BY_GOOGLE), tokens
 * signed with a key nobody serves, and unsigned ones.
 */
class OidcWorkerAuthenticatorTest {

    private static final String AUDIENCE = "https://quick-provisioner.example.run.app/pubsub/push";
    private static final String PUSHER = "pubsub-push@demo-project.iam.gserviceaccount.com";

    private static TestJwks jwks;

    @BeforeAll
    static void keys() {
        jwks = TestJwks.start();
    }

    @AfterAll
    static void stop() {
        jwks.close();
    }

    private static OidcWorkerAuthenticator authenticator(Verification verification, Clock clock) {
        return new OidcWorkerAuthenticator(AUDIENCE, PUSHER, TestJwks.ISSUER, jwks.certsUrl(), verification, clock);
    }

    /** Any host: the signature is checked here. */
    @Nested
    class SignatureVerified {

        private final OidcWorkerAuthenticator authenticator = authenticator(Verification.SIGNATURE, Clock.systemUTC());

        @Test
        void aValidGoogleSignedTokenFromTheServiceAccountIsAccepted() {
            accepted(authenticator, jwks.token(AUDIENCE, PUSHER, 3600));
        }

        @Test
        void aWrongAudienceIsRejected() {
            rejected(authenticator, jwks.token("https://other.example", PUSHER, 3600));
        }

        @Test
        void aWrongServiceAccountIsRejected() {
            rejected(authenticator, jwks.token(AUDIENCE, "intruder@evil.iam.gserviceaccount.com", 3600));
        }

        @Test
        void anExpiredTokenIsRejected() {
            rejected(authenticator, jwks.token(AUDIENCE, PUSHER, -3600));
        }

        @Test
        void aTokenSignedWithAnotherKeyIsRejected() {
            rejected(authenticator, jwks.strangerToken(AUDIENCE, PUSHER, 3600));
        }

        @Test
        void aTokenWhoseSignatureCloudRunRemovedIsRejectedWhenNotBehindCloudRun() {
            rejected(authenticator, TestJwks.strippedByCloudRun(jwks.token(AUDIENCE, PUSHER, 3600)));
        }

        @Test
        void unsignedAndMissingTokensAreRejected() {
            rejected(authenticator, unsigned(jwks.token(AUDIENCE, PUSHER, 3600)));
            rejected(authenticator, "not.a.jwt");
            assertThatThrownBy(() -> authenticator.verify(null, null)).isInstanceOf(ApiProblem.class);
            assertThatThrownBy(() -> authenticator.verify("Basic dXNlcjpwYXNz", null))
                    .isInstanceOf(ApiProblem.class);
        }
    }

    /** The worker is an IAM-protected Cloud Run service: Cloud Run checked the signature and removed it. */
    @Nested
    class BehindCloudRunIam {

        private final MutableClock clock = new MutableClock(Instant.now());
        private final OidcWorkerAuthenticator authenticator = authenticator(Verification.CLOUD_RUN_IAM, clock);

        @Test
        void theTokenCloudRunPassesOnWithItsSignatureRemovedIsAccepted() {
            String stripped = TestJwks.strippedByCloudRun(jwks.token(AUDIENCE, PUSHER, 3600));
            assertThat(stripped.split("\\.")).hasSize(3).endsWith("SIGNATURE_REMOVED_BY_GOOGLE");
            accepted(authenticator, stripped);
        }

        @Test
        void aTokenThatStillCarriesAGoogleSignatureIsVerifiedAndAccepted() {
            accepted(authenticator, jwks.token(AUDIENCE, PUSHER, 3600));
        }

        @Test
        void aTokenSignedWithAnotherKeyIsStillRejected() {
            rejected(authenticator, jwks.strangerToken(AUDIENCE, PUSHER, 3600));
        }

        @Test
        void anUnsignedTokenWithoutGooglesMarkerIsRejected() {
            rejected(authenticator, unsigned(jwks.token(AUDIENCE, PUSHER, 3600)));
            String signed = jwks.token(AUDIENCE, PUSHER, 3600);
            rejected(authenticator, signed.substring(0, signed.lastIndexOf('.') + 1) + "SIGNATURE_REMOVED");
        }

        @Test
        void aStrippedTokenForAnotherAudienceIsRejected() {
            rejected(authenticator, TestJwks.strippedByCloudRun(jwks.token("https://other.example", PUSHER, 3600)));
        }

        @Test
        void aStrippedTokenFromAnotherServiceAccountIsRejected() {
            rejected(
                    authenticator,
                    TestJwks.strippedByCloudRun(jwks.token(AUDIENCE, "intruder@evil.iam.gserviceaccount.com", 3600)));
        }

        @Test
        void aStrippedTokenWithAnUnverifiedEmailIsRejected() {
            JsonWebToken.Payload claims = TestJwks.claims(AUDIENCE, PUSHER, 3600);
            claims.set("email_verified", false);
            rejected(authenticator, TestJwks.strippedByCloudRun(jwks.token(claims)));
        }

        @Test
        void aStrippedTokenFromAnotherIssuerIsRejected() {
            JsonWebToken.Payload claims =
                    TestJwks.claims(AUDIENCE, PUSHER, 3600).setIssuer("https://evil.example");
            rejected(authenticator, TestJwks.strippedByCloudRun(jwks.token(claims)));
        }

        @Test
        void aStrippedTokenIsRejectedOnceItHasExpiredOnThePlatformClock() {
            String stripped = TestJwks.strippedByCloudRun(jwks.token(AUDIENCE, PUSHER, 600));
            clock.advance(Duration.ofSeconds(600 + OidcWorkerAuthenticator.CLOCK_SKEW_SECONDS - 5));
            accepted(authenticator, stripped);
            clock.advance(Duration.ofSeconds(10));
            rejected(authenticator, stripped);
        }

        @Test
        void aStrippedTokenWithoutExpiryOrIssuedInTheFutureIsRejected() {
            JsonWebToken.Payload noExpiry =
                    TestJwks.claims(AUDIENCE, PUSHER, 3600).setExpirationTimeSeconds(null);
            rejected(authenticator, TestJwks.strippedByCloudRun(jwks.token(noExpiry)));
            long inAnHour = clock.millis() / 1000 + 3600;
            JsonWebToken.Payload future =
                    TestJwks.claims(AUDIENCE, PUSHER, 7200).setIssuedAtTimeSeconds(inAnHour);
            rejected(authenticator, TestJwks.strippedByCloudRun(jwks.token(future)));
        }

        @Test
        void garbageWithGooglesMarkerIsRejected() {
            rejected(authenticator, "e30.e30.SIGNATURE_REMOVED_BY_GOOGLE");
            rejected(authenticator, "%%%.%%%.SIGNATURE_REMOVED_BY_GOOGLE");
            rejected(authenticator, ".SIGNATURE_REMOVED_BY_GOOGLE");
        }
    }

    @Test
    void oidcNeedsAnAudienceAndAServiceAccount() {
        assertThatThrownBy(() -> new OidcWorkerAuthenticator(
                        null, PUSHER, TestJwks.ISSUER, "http://x", Verification.SIGNATURE, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audience");
    }

    @Test
    void theVerificationSettingIsSignatureOrCloudRunIam() {
        assertThat(Verification.of("signature")).isEqualTo(Verification.SIGNATURE);
        assertThat(Verification.of("cloud-run-iam")).isEqualTo(Verification.CLOUD_RUN_IAM);
        assertThatThrownBy(() -> Verification.of("trust-everyone"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.worker.oidc.verification");
    }

    /** The same claims with an alg=none header and no signature. */
    private static String unsigned(String signed) {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"kid\":\"test-key\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + signed.split("\\.")[1] + ".";
    }

    private static void accepted(OidcWorkerAuthenticator authenticator, String token) {
        assertThatCode(() -> authenticator.verify("Bearer " + token, null)).doesNotThrowAnyException();
    }

    private static void rejected(OidcWorkerAuthenticator authenticator, String token) {
        assertThatThrownBy(() -> authenticator.verify("Bearer " + token, null))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(401));
    }
}
