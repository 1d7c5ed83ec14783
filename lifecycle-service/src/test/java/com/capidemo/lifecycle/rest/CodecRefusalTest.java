package com.capidemo.lifecycle.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.fuzz.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests that are not HTTP/1.1 at all, refused by the HTTP codec before any route runs, are answered like every
 * other refusal: problem+json with the security headers, and the connection closed.
 */
@QuarkusTest
class CodecRefusalTest {

    @Test
    void controlCharacterInAHeaderValueIsA400ProblemWithTheSecurityHeaders() {
        assertRefused(send("GET /api/admin/runs HTTP/1.1\r\nX-J: a\u0001b\r\n"), 400);
        assertRefused(send("GET /api/admin/runs HTTP/1.1\r\nX-J: a\u007fb\r\n"), 400);
    }

    @Test
    void spaceOrTabInTheRequestTargetIsA400ProblemWithTheSecurityHeaders() {
        assertRefused(send("GET /api/demos?q=a b HTTP/1.1\r\n"), 400);
        assertRefused(send("GET /api/demos?q=a\tb HTTP/1.1\r\n"), 400);
    }

    @Test
    void requestLineLongerThanTheCodecReadsIsA414Problem() {
        // Beyond quarkus.http.limits.max-initial-line-length the codec refuses the line itself.
        assertRefused(send("GET /api/admin/runs?q=" + "a".repeat(1_100_000) + " HTTP/1.1\r\n"), 414);
    }

    @Test
    void theServiceAnswersNormallyAfterARefusal() {
        send("GET /api/demos?q=a b HTTP/1.1\r\n");
        RawHttp.Response live = send("GET /q/health/live HTTP/1.1\r\n");
        assertThat(live.status()).isEqualTo(200);
    }

    private static RawHttp.Response send(String head) {
        String host = "localhost";
        byte[] bytes = (head + "Host: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return RawHttp.send(host, RestAssured.port, bytes, null);
    }

    private static void assertRefused(RawHttp.Response r, int status) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        assertThat(r.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(r.header("x-frame-options")).isEqualTo("DENY");
        assertThat(r.header("referrer-policy")).isEqualTo("no-referrer");
        assertThat(r.header("cache-control")).isEqualTo("no-store");
        assertThat(r.header("content-security-policy")).contains("default-src 'self'");
        assertThat(r.header("connection")).isEqualTo("close");
        assertThat(r.body()).contains("\"status\":" + status);
    }
}
