package com.capidemo.api.support;

import static io.restassured.RestAssured.given;

import com.capidemo.core.domain.Ids;

/** Onboards throwaway tenants through the real endpoint. */
public final class Tenants {
    public static final String ADMIN_TOKEN = "test-admin-token";

    private Tenants() {}

    public static String uniqueId(String prefix) {
        return prefix + "_" + Ids.randomHex(4);
    }

    /** Onboards a fresh tenant and returns its API key. */
    public static String onboard(String tenantId) {
        return given().contentType("application/json")
                .header("X-Admin-Token", ADMIN_TOKEN)
                .body("{\"tenant_id\":\"" + tenantId + "\"}")
                .when()
                .post("/api/v1/customers/onboard")
                .then()
                .statusCode(201)
                .extract()
                .path("api_key");
    }

    public static String onboardNew(String prefix) {
        return onboard(uniqueId(prefix));
    }
}
