package com.capidemo.api.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Web UI as api-service serves it: index.html for the UI's routes, the API and Quarkus endpoints untouched,
 * and the cache headers that let browsers keep hashed assets for a year but always revalidate index.html.
 * Needs the npm build's output (skipped when built with -Dwebui.skip).
 */
@QuarkusTest
class SpaRoutesTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private String index;

    @BeforeEach
    void builtUi() throws IOException {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources/index.html")) {
            Assumptions.assumeTrue(in != null, "the Web UI was not built (-Dwebui.skip)");
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String firstAsset(String extension) {
        Matcher m = Pattern.compile("/assets/[A-Za-z0-9_.-]+\\." + extension).matcher(index);
        assertThat(m.find()).as("index.html references a .%s asset", extension).isTrue();
        return m.group();
    }

    @Test
    void theRootServesIndexHtmlThatMustBeRevalidated() {
        given().accept(HTML)
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", equalTo("no-cache"))
                .body(containsString("<div id=\"root\"></div>"));
    }

    @Test
    void aBrowserNavigationToAnyUiRouteGetsIndexHtml() {
        for (String route : new String[] {
            "/demos/demo_123",
            "/shared/abcDEF_-123",
            "/templates/shopify",
            "/jobs/job_1",
            "/pipelines/runs/job_2",
            "/sign-in"
        }) {
            String body = given().accept(HTML)
                    .when()
                    .get(route)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", equalTo("no-cache"))
                    .extract()
                    .asString();
            assertThat(body).as(route).isEqualTo(index);
        }
    }

    @Test
    void hashedAssetsAreCachedForAYearAsImmutable() {
        String script = firstAsset("js");
        given().when()
                .get(script)
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        given().when()
                .get(firstAsset("css"))
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
    }

    @Test
    void aMissingAssetIs404AndNotCachedForAYear() {
        given().accept(HTML)
                .when()
                .get("/assets/index-doesnotexist.js")
                .then()
                .statusCode(404)
                .header("Cache-Control", not(startsWith("public, max-age=31536000")));
    }

    @Test
    void apiRoutesAreNeverAnsweredWithTheUi() {
        given().accept(HTML)
                .when()
                .get("/api/templates")
                .then()
                .statusCode(401)
                .contentType(containsString("problem+json"));
        given().accept(HTML)
                .when()
                .get("/api/no-such-route")
                .then()
                .statusCode(404)
                .body(not(containsString("<div id=\"root\">")));
        given().accept(HTML).when().get("/api").then().body(not(containsString("<div id=\"root\">")));
    }

    @Test
    void quarkusAndWorkerPathsAreNeverAnsweredWithTheUi() {
        given().accept(HTML).when().get("/q/health/live").then().statusCode(200).contentType(containsString("json"));
        for (String path : new String[] {"/pubsub/push", "/tasks/custom-provision", "/q/nothing-here"}) {
            given().accept(HTML).when().get(path).then().body(not(containsString("<div id=\"root\">")));
        }
    }

    @Test
    void clientsThatDoNotAskForHtmlGetNoFallback() {
        given().accept("application/json").when().get("/demos/demo_123").then().statusCode(404);
        given().when().post("/demos/demo_123").then().statusCode(not(equalTo(200)));
    }

    @Test
    void existingFilesAreServedAsThemselves() {
        given().accept(HTML)
                .when()
                .get("/favicon.svg")
                .then()
                .statusCode(200)
                .contentType(containsString("svg"))
                .header("Cache-Control", not(equalTo("public, max-age=31536000, immutable")));
    }
}
