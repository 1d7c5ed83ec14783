package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.fuzz.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests the edge refuses before any route share one {@code uri} label in the HTTP metrics, so rejected paths never
 * become labels of their own (and never crowd the real routes out of the label cap).
 */
@QuarkusTest
class EdgeMetricsTest {

    @Test
    void rejectedPathsAreCountedUnderOneLabelNeverTheirOwn() {
        for (int i = 0; i < 5; i++) {
            String head = "GET /api/provision/status/%0d%0aSet-Cookie:x=" + i + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n";
            RawHttp.Response r =
                    RawHttp.send("localhost", RestAssured.port, head.getBytes(StandardCharsets.US_ASCII), null);
            assertThat(r.status()).isEqualTo(400);
        }
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .doesNotContain("Set-Cookie")
                .doesNotContain("%0d%0a")
                .doesNotContain("%0D%0A")
                .contains("uri=\"/edge-rejected\"");
    }
}
