package com.capidemo.shared.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OIDC verification against tokens signed with a test key served from a local JWKS endpoint. */
class OidcWorkerAuthenticatorTest {

    private static final String AUDIENCE = "https://quick-provisioner.example.run.app/pubsub/push";
    private static final String ISSUER = "https://accounts.google.com";
    private static final String PUSHER = "pubsub-push@demo-project.iam.gserviceaccount.com";

    private static KeyPair trusted;
    private static KeyPair stranger;
    private static HttpServer jwks;
    private static OidcWorkerAuthenticator authenticator;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        trusted = gen.generateKeyPair();
        stranger = gen.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) trusted.getPublic();
        String body = "{\"keys\":[{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"test-key\",\"n\":\""
                + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}";
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        jwks.start();
        authenticator = new OidcWorkerAuthenticator(AUDIENCE, PUSHER, ISSUER,
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    private static String b64(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String token(KeyPair key, String audience, String email, long expiresInSeconds) throws Exception {
        JsonWebSignature.Header header = new JsonWebSignature.Header().setAlgorithm("RS256").setKeyId("test-key");
        long now = System.currentTimeMillis() / 1000;
        JsonWebToken.Payload payload = new JsonWebToken.Payload().setIssuer(ISSUER).setAudience(audience)
                .setIssuedAtTimeSeconds(now - 10).setExpirationTimeSeconds(now + expiresInSeconds).setSubject("1234");
        payload.set("email", email);
        payload.set("email_verified", true);
        return JsonWebSignature.signUsingRsaSha256(key.getPrivate(), GsonFactory.getDefaultInstance(), header, payload);
    }

    @Test
    void aValidGoogleSignedTokenFromTheServiceAccountIsAccepted() throws Exception {
        assertThatCode(() -> authenticator.verify("Bearer " + token(trusted, AUDIENCE, PUSHER, 3600), null))
                .doesNotThrowAnyException();
    }

    @Test
    void aWrongAudienceIsRejected() throws Exception {
        rejected("Bearer " + token(trusted, "https://other.example", PUSHER, 3600));
    }

    @Test
    void aWrongServiceAccountIsRejected() throws Exception {
        rejected("Bearer " + token(trusted, AUDIENCE, "intruder@evil.iam.gserviceaccount.com", 3600));
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        rejected("Bearer " + token(trusted, AUDIENCE, PUSHER, -3600));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        rejected("Bearer " + token(stranger, AUDIENCE, PUSHER, 3600));
    }

    @Test
    void unsignedAndMissingTokensAreRejected() throws Exception {
        String signed = token(trusted, AUDIENCE, PUSHER, 3600);
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
        assertThatThrownBy(() -> new OidcWorkerAuthenticator(null, PUSHER, ISSUER, "http://x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audience");
    }

    private static void rejected(String authorization) {
        assertThatThrownBy(() -> authenticator.verify(authorization, null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> org.assertj.core.api.Assertions.assertThat(p.status())
                        .isEqualTo(401));
    }
}
