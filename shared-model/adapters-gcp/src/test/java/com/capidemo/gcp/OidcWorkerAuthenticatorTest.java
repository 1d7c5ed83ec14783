package com.capidemo.gcp;

import com.capidemo.core.web.ApiProblem;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OIDC verification against tokens signed with a test key served from a local JWKS endpoint. */
class OidcWorkerAuthenticatorTest {

    private static final String AUDIENCE = "https://quick-provisioner.example.run.app/pubsub/push";
    private static final String PUSHER = "pubsub-push@demo-project.iam.gserviceaccount.com";

    private static TestJwks jwks;
    private static OidcWorkerAuthenticator authenticator;

    @BeforeAll
    static void keys() {
        jwks = TestJwks.start();
        authenticator = new OidcWorkerAuthenticator(AUDIENCE, PUSHER, TestJwks.ISSUER, jwks.certsUrl());
    }

    @AfterAll
    static void stop() {
        jwks.close();
    }

    @Test
    void aValidGoogleSignedTokenFromTheServiceAccountIsAccepted() {
        assertThatCode(() -> authenticator.verify("Bearer " + jwks.token(AUDIENCE, PUSHER, 3600), null))
                .doesNotThrowAnyException();
    }

    @Test
    void aWrongAudienceIsRejected() {
        rejected("Bearer " + jwks.token("https://other.example", PUSHER, 3600));
    }

    @Test
    void aWrongServiceAccountIsRejected() {
        rejected("Bearer " + jwks.token(AUDIENCE, "intruder@evil.iam.gserviceaccount.com", 3600));
    }

    @Test
    void anExpiredTokenIsRejected() {
        rejected("Bearer " + jwks.token(AUDIENCE, PUSHER, -3600));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        rejected("Bearer " + jwks.strangerToken(AUDIENCE, PUSHER, 3600));
    }

    @Test
    void unsignedAndMissingTokensAreRejected() {
        String signed = jwks.token(AUDIENCE, PUSHER, 3600);
        String[] parts = signed.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"kid\":\"test-key\"}".getBytes(StandardCharsets.UTF_8));
        rejected("Bearer " + header + "." + parts[1] + ".");
        rejected("Bearer not.a.jwt");
        rejected(null);
        rejected("Basic dXNlcjpwYXNz");
    }

    @Test
    void oidcNeedsAnAudienceAndAServiceAccount() {
        assertThatThrownBy(() -> new OidcWorkerAuthenticator(null, PUSHER, TestJwks.ISSUER, "http://x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audience");
    }

    private static void rejected(String authorization) {
        assertThatThrownBy(() -> authenticator.verify(authorization, null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> org.assertj.core.api.Assertions.assertThat(p.status())
                        .isEqualTo(401));
    }
}
