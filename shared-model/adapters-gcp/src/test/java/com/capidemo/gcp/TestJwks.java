package com.capidemo.gcp;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.json.webtoken.JsonWebSignature;
import com.google.api.client.json.webtoken.JsonWebToken;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * A stand-in for Google's token signing in tests: a trusted RSA key served as a JWKS from a local HTTP endpoint
 * (pass {@link #certsUrl()} as platform.worker.oidc.certs-url), a stranger key that is not served, and ID tokens
 * signed with either, shaped like the ones Pub/Sub push, Cloud Tasks and Cloud Scheduler send.
 */
public final class TestJwks implements AutoCloseable {

    public static final String ISSUER = "https://accounts.google.com";

    private final KeyPair trusted;
    private final KeyPair stranger;
    private final HttpServer server;

    private TestJwks(KeyPair trusted, KeyPair stranger, HttpServer server) {
        this.trusted = trusted;
        this.stranger = stranger;
        this.server = server;
    }

    /**
     * Starts a JWKS endpoint. The keys are the same in every instance (generated from a fixed seed), so a token minted
     * by an instance in a test's class loader verifies against the endpoint a Quarkus test profile started in another.
     */
    public static TestJwks start() {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed("capi-test-jwks".getBytes(StandardCharsets.UTF_8));
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048, seeded);
            KeyPair trusted = gen.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) trusted.getPublic();
            String body = "{\"keys\":[{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"test-key\",\"n\":\""
                    + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}";
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/certs", ex -> {
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
                ex.close();
            });
            server.start();
            return new TestJwks(trusted, gen.generateKeyPair(), server);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String certsUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    }

    /** An ID token for {@code audience} and {@code email}, signed with the served key. */
    public String token(String audience, String email, long expiresInSeconds) {
        return sign(trusted, audience, email, expiresInSeconds);
    }

    /** The same token signed with a key the JWKS does not hold. */
    public String strangerToken(String audience, String email, long expiresInSeconds) {
        return sign(stranger, audience, email, expiresInSeconds);
    }

    /** A token with these claims signed with a key the JWKS does not hold. */
    public String strangerToken(JsonWebToken.Payload claims) {
        return sign(stranger, claims);
    }

    /** A token with these claims, signed with the served key. */
    public String token(JsonWebToken.Payload claims) {
        return sign(trusted, claims);
    }

    /** The claims Google puts in a service account's ID token, issued now. */
    public static JsonWebToken.Payload claims(String audience, String email, long expiresInSeconds) {
        return claims(audience, email, expiresInSeconds, java.time.Clock.systemUTC());
    }

    /** The same, issued at {@code clock}'s now (for a service whose platform clock a test holds). */
    public static JsonWebToken.Payload claims(
            String audience, String email, long expiresInSeconds, java.time.Clock clock) {
        long now = clock.millis() / 1000;
        JsonWebToken.Payload payload = new JsonWebToken.Payload()
                .setIssuer(ISSUER)
                .setAudience(audience)
                .setIssuedAtTimeSeconds(now - 10)
                .setExpirationTimeSeconds(now + expiresInSeconds)
                .setSubject("1234");
        payload.set("azp", "1234");
        payload.set("email", email);
        payload.set("email_verified", true);
        return payload;
    }

    /**
     * The token as an IAM-protected Cloud Run service passes it to its container once it has verified it: header and
     * claims unchanged, the signature replaced by Google's marker.
     */
    public static String strippedByCloudRun(String signedToken) {
        return signedToken.substring(0, signedToken.lastIndexOf('.') + 1) + "SIGNATURE_REMOVED_BY_GOOGLE";
    }

    private static String sign(KeyPair key, String audience, String email, long expiresInSeconds) {
        return sign(key, claims(audience, email, expiresInSeconds));
    }

    private static String sign(KeyPair key, JsonWebToken.Payload payload) {
        JsonWebSignature.Header header = new JsonWebSignature.Header()
                .setAlgorithm("RS256")
                .setKeyId("test-key")
                .setType("JWT");
        try {
            return JsonWebSignature.signUsingRsaSha256(
                    key.getPrivate(), GsonFactory.getDefaultInstance(), header, payload);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
