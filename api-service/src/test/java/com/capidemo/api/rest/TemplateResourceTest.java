package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateResourceTest {

    private String key;

    @Inject
    ReadyDemos readyDemos;

    /** Onboarded on first use: RestAssured knows the test port only once a test runs. */
    @BeforeEach
    void tenant() {
        if (key != null) {
            return;
        }
        key = Tenants.onboardNew("tpl");
    }

    @Test
    void theLibraryHasAtLeastSixTemplatesAcrossFiveIndustries() {
        List<Map<String, Object>> templates = given().header("X-API-Key", key)
                .when()
                .get("/api/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(templates).hasSizeGreaterThanOrEqualTo(6);
        assertThat(new HashSet<>(templates.stream().map(t -> t.get("industry")).toList()))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(templates).allSatisfy(t -> {
            assertThat(t)
                    .containsKeys(
                            "template_id",
                            "name",
                            "industry",
                            "description",
                            "table_count",
                            "total_rows",
                            "estimated_seconds",
                            "tags");
            assertThat((Integer) t.get("table_count")).isPositive();
        });
    }

    @Test
    void shopifyHasFifteenTablesAnd145kRowsWithEightyThousandCustomers() {
        given().header("X-API-Key", key)
                .when()
                .get("/api/templates/shopify")
                .then()
                .statusCode(200)
                .body("template_id", equalTo("shopify"))
                .body("table_count", equalTo(15))
                .body("total_rows", equalTo(145000))
                .body("tables.customers", equalTo(80000))
                .body("tags", hasItem("retail"))
                .body("estimated_seconds", greaterThanOrEqualTo(1))
                .body("golden_queries.size()", greaterThanOrEqualTo(15))
                .body("golden_queries.question", everyItem(not(emptyOrNullString())))
                .body("golden_queries.sql", everyItem(not(emptyOrNullString())))
                .body("golden_queries.complexity", everyItem(not(emptyOrNullString())))
                .body("golden_queries.expected_result_type", everyItem(not(emptyOrNullString())));
    }

    @Test
    void industryFilterIsCaseInsensitive() {
        List<String> retail = given().header("X-API-Key", key)
                .queryParam("industry", "RETAIL")
                .when()
                .get("/api/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("template_id");
        assertThat(retail).contains("shopify");
        List<String> none = given().header("X-API-Key", key)
                .queryParam("industry", "astrology")
                .when()
                .get("/api/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("template_id");
        assertThat(none).isEmpty();
    }

    @Test
    void unknownTemplateIs404ProblemJson() {
        given().header("X-API-Key", key)
                .when()
                .get("/api/templates/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", containsString("template-not-found"))
                .body("instance", equalTo("/api/templates/nope"));
    }

    @Test
    void aTemplateIsReadyInWhatItsQuickProvisionsTookHereOnceOneCompleted() {
        List<Map<String, Object>> before = given().header("X-API-Key", key)
                .when()
                .get("/api/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(before).allSatisfy(t -> assertThat(t).containsKey("ready_in"));
        readyDemos.ready(ReadyDemos.tenantOf(key), "shopify");

        Map<String, Object> shopify = given().header("X-API-Key", key)
                .when()
                .get("/api/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("find { it.template_id == 'shopify' }.ready_in");
        assertThat(shopify.get("source")).isEqualTo("measured");
        assertThat((Integer) shopify.get("provisions")).isPositive();
        // This quick provision took seconds (done in-process), not the template's 45 s estimate.
        assertThat((Integer) shopify.get("seconds")).isBetween(1, 44);
        given().header("X-API-Key", key)
                .when()
                .get("/api/templates/shopify")
                .then()
                .statusCode(200)
                .body("ready_in.source", equalTo("measured"));
    }
}
