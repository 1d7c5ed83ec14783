package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;

import com.capidemo.api.support.Tenants;
import com.capidemo.core.testing.ApiReference;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** docs/api.md's api-service section names exactly the endpoints this service serves (its /q/openapi). */
@QuarkusTest
class ApiReferenceTest {

    @Test
    void theHttpReferenceListsEveryServedEndpointAndNoOther() {
        String openApi = given().header("X-Admin-Token", Tenants.ADMIN_TOKEN)
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ApiReference.assertMatches(openApi, "api-service");
    }
}
