package com.capidemo.core.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.web.Problem;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestShapeTest {

    private static final RequestShape.Limits LIMITS = new RequestShape.Limits(4096, 16384, 128, 1_048_576);

    private static Optional<Problem> check(HttpMethod method, String path, String query, Map<String, String> headers) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(h::add);
        String uri = query == null ? path : path + "?" + query;
        return RequestShape.check(new RequestShape.Request(method, uri, path, query, h), LIMITS);
    }

    private static int status(Optional<Problem> p) {
        return p.map(Problem::status).orElse(0);
    }

    @Test
    void oversizedUrisHeadersAndBodiesAre414_431_413() {
        assertThat(status(check(HttpMethod.GET, "/api/x", "q=" + "a".repeat(5000), Map.of())))
                .isEqualTo(414);
        assertThat(status(check(HttpMethod.GET, "/api/x", null, Map.of("X-Big", "h".repeat(100_000)))))
                .isEqualTo(431);
        assertThat(status(check(
                        HttpMethod.POST,
                        "/api/x",
                        null,
                        Map.of("Content-Type", "application/json", "Content-Length", "10485760"))))
                .isEqualTo(413);
    }

    @Test
    void malformedPathsAndQueriesAre400() {
        for (String path : new String[] {
            "/api/templates/%zz",
            "/api/templates/a%00b",
            "/api/templates/..%2F..%2Fetc",
            "/api/templates/..",
            "/api/templates/%2e%2e",
            "/api/templates/a%5Cb",
            "/api/t/%C3%28",
            "/api/templates/" + "a".repeat(129)
        }) {
            assertThat(check(HttpMethod.GET, path, null, Map.of())).as(path).hasValueSatisfying(p -> {
                assertThat(p.status()).isEqualTo(400);
                assertThat(p.type()).isEqualTo(Problem.TYPE_BASE + "malformed-request");
            });
        }
        assertThat(status(check(HttpMethod.GET, "/api/x", "industry=%zz", Map.of())))
                .isEqualTo(400);
        assertThat(status(check(HttpMethod.GET, "/api/x", "industry=a%00", Map.of())))
                .isEqualTo(400);
        assertThat(check(HttpMethod.GET, "/api/templates/caf%C3%A9", "industry=retail+goods", Map.of()))
                .isEmpty();
    }

    @Test
    void aBodyMustBeJsonInUtf8() {
        assertThat(status(check(HttpMethod.POST, "/api/x", null, Map.of("Content-Length", "2"))))
                .isEqualTo(415);
        assertThat(status(check(
                        HttpMethod.POST,
                        "/api/x",
                        null,
                        Map.of("Content-Length", "2", "Content-Type", "application/json; charset=foo"))))
                .isEqualTo(415);
        assertThat(status(check(
                        HttpMethod.POST,
                        "/api/x",
                        null,
                        Map.of("Transfer-Encoding", "chunked", "Content-Type", "text/plain"))))
                .isEqualTo(415);
        assertThat(check(
                        HttpMethod.POST,
                        "/api/x",
                        null,
                        Map.of("Content-Length", "2", "Content-Type", "application/json; charset=UTF-8")))
                .isEmpty();
        assertThat(check(HttpMethod.POST, "/api/demos/d/pin", null, Map.of("Content-Length", "0")))
                .isEmpty();
    }

    @Test
    void onlyApplicationJsonIsABodyTypeSoEveryEndpointRefusesOtherJsonMediaTypesAlike() {
        for (String type : new String[] {
            "application/merge-patch+json", "application/problem+json", "application/vnd.api+json; charset=utf-8"
        }) {
            assertThat(status(check(
                            HttpMethod.POST,
                            "/api/demos/d/clone",
                            null,
                            Map.of("Content-Length", "2", "Content-Type", type))))
                    .as(type)
                    .isEqualTo(415);
        }
    }

    @Test
    void aRequestTargetWithRawBytesOutsidePrintableAsciiIs400() {
        for (String query : new String[] {"q=\u00e9", "q=caf\u00e9", "q=a\u0001b", "q=\u00ff\u00fe"}) {
            assertThat(check(HttpMethod.GET, "/api/demos", query, Map.of()))
                    .as(query)
                    .hasValueSatisfying(p -> {
                        assertThat(p.status()).isEqualTo(400);
                        assertThat(p.type()).isEqualTo(Problem.TYPE_BASE + "malformed-request");
                    });
        }
        assertThat(status(check(HttpMethod.GET, "/api/caf\u00e9", null, Map.of())))
                .isEqualTo(400);
        assertThat(check(HttpMethod.GET, "/api/demos", "q=caf%C3%A9", Map.of())).isEmpty();
    }

    @Test
    void aBodyStartingWithAByteOrderMarkOrInUtf16IsNotPlainUtf8() {
        assertThat(Utf8Bodies.isPlainUtf8Start(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{'}))
                .isFalse();
        assertThat(Utf8Bodies.isPlainUtf8Start(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{'}))
                .isFalse();
        assertThat(Utf8Bodies.isPlainUtf8Start(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0}))
                .isFalse();
        assertThat(Utf8Bodies.isPlainUtf8Start(new byte[] {'{', 0, '}', 0})).isFalse();
        assertThat(Utf8Bodies.isPlainUtf8Start(new byte[] {0, '{', 0, '}'})).isFalse();
        assertThat(Utf8Bodies.isPlainUtf8Start("{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(Utf8Bodies.isPlainUtf8Start("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(Utf8Bodies.isPlainUtf8Start(new byte[0])).isTrue();
        assertThat(Utf8Bodies.isPlainUtf8Start("\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isTrue();
    }
}
