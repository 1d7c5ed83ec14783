package com.capidemo.custom.rest;

import static io.restassured.RestAssured.given;

import com.capidemo.core.testing.ApiReference;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** docs/api.md's custom-provisioner section names exactly the endpoints this service serves (its /q/openapi). */
@QuarkusTest
class ApiReferenceTest {

    @Test
    void theHttpReferenceListsEveryServedEndpointAndNoOther() {
        String openApi = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ApiReference.assertMatches(openApi, "custom-provisioner");
    }
}
