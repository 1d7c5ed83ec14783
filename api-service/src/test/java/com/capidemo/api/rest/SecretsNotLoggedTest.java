package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.api.support.EdgeLimitsProfile;
import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Users;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.testing.LogCapture;
import com.capidemo.core.testing.PresentedSecrets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No log line holds any part of a presented secret: wrong and right API keys, wrong admin tokens and share-link
 * passwords, including the throttling warnings that follow a run of failures. Every log record of the service (any
 * logger, any level, with its exception chain) is captured while the requests run, and no eight characters in a row
 * of a secret's random part may appear in one.
 */
@QuarkusTest
@TestProfile(EdgeLimitsProfile.class)
class SecretsNotLoggedTest {

    private static final int PART = 8;

    @Inject
    Users users;

    @Inject
    ReadyDemos readyDemos;

    private final LogCapture logs = new LogCapture();

    @BeforeEach
    void captureLogs() {
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void noLogLineHoldsAnyPartOfAPresentedApiKeyAdminTokenOrSharePassword() {
        EdgeLimitsProfile.CLOCK.advance(Duration.ofMinutes(5)); // a limiter window of its own
        Users.Team team = users.team("secrets");
        String demo = readyDemos.ready(team.tenant(), "shopify", team.owner());
        String password = "pw-" + Ids.randomHex(8);
        String token = given().header("X-API-Key", team.ownerKey())
                .contentType("application/json")
                .body("{\"password\":\"" + password + "\"}")
                .when()
                .post("/api/demos/" + demo + "/share")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        List<String> secrets = new ArrayList<>();
        secrets.add(randomPart(team.ownerKey()));
        secrets.add(password.substring(3));
        logs.clear(); // only the lines of the requests below

        for (int i = 0; i < 14; i++) { // past the 10 failures a minute: the throttling warning is logged too
            String wrongKey = team.tenant() + "_api_" + Ids.randomHex(8);
            secrets.add(randomPart(wrongKey));
            given().header("X-API-Key", wrongKey)
                    .when()
                    .get("/api/demos")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(401, 429));
            String wrongAdmin = Ids.randomHex(12);
            secrets.add(wrongAdmin);
            given().contentType("application/json")
                    .header("X-Admin-Token", wrongAdmin)
                    .body("{\"tenant_id\":\"nobody\"}")
                    .when()
                    .post("/api/v1/customers/onboard")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(401, 429));
            given().header("X-Admin-Token", wrongAdmin)
                    .when()
                    .get("/q/metrics")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(401, 429));
        }
        for (int i = 0; i < 7; i++) { // 5 checks, then 429 before hashing
            String wrongPassword = "guess-" + Ids.randomHex(8);
            secrets.add(wrongPassword.substring(6));
            given().header("X-Share-Password", wrongPassword)
                    .when()
                    .get("/api/shared/" + token)
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(401, 429));
        }
        given().header("X-API-Key", team.ownerKey())
                .when()
                .get("/api/demos")
                .then()
                .statusCode(200);
        EdgeLimitsProfile.CLOCK.advance(Duration.ofMinutes(2));
        given().header("X-Share-Password", password)
                .when()
                .get("/api/shared/" + token)
                .then()
                .statusCode(200);

        List<String> lines = logs.lines();
        assertThat(lines)
                .as("the requests above are logged (the throttling warnings at least)")
                .anySatisfy(l -> assertThat(l).contains("too many failed"));
        PresentedSecrets.assertNoPartLogged(lines, secrets, PART);
    }

    /** The part of an API key after {@code _api_}: the tenant id before it is not secret. */
    private static String randomPart(String apiKey) {
        return apiKey.substring(apiKey.lastIndexOf("_api_") + "_api_".length());
    }
}
