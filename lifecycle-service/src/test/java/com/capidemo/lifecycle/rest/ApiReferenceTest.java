package com.capidemo.lifecycle.rest;

import static io.restassured.RestAssured.given;

import com.capidemo.core.testing.ApiReference;
import com.capidemo.lifecycle.support.Platform;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** docs/api.md's lifecycle-service section names exactly the endpoints this service serves (its /q/openapi). */
@QuarkusTest
class ApiReferenceTest {

    @Test
    void theHttpReferenceListsEveryServedEndpointAndNoOther() {
        String openApi = given().header("X-Admin-Token", Platform.ADMIN)
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ApiReference.assertMatches(openApi, "lifecycle-service");
    }
}
