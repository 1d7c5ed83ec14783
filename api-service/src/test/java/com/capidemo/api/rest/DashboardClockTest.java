package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.ShareClockProfile;
import com.capidemo.api.support.Tenants;
import com.capidemo.api.support.Users;
import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.DemoStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's "this month" moves with the clock although no demo changes: a kept dashboard is read afresh once its
 * oldest counted demo leaves the last 30 days, well before the kept answer's maximum age.
 */
@QuarkusTest
@TestProfile(ShareClockProfile.class)
class DashboardClockTest {

    @Inject
    DemoStore demos;

    @Inject
    Users users;

    private static long thisMonth(String key) {
        JsonPath d = given().header("X-API-Key", key)
                .when()
                .get("/api/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(d.getMap("")).as("nothing internal is sent").doesNotContainKey("counts_change_at");
        return d.getLong("stats.demos_this_month");
    }

    @Test
    void aDemoLeavingTheMonthDropsTheCountWithoutAnyWrite() {
        String tenant = ReadyDemos.tenantOf(Tenants.onboardNew("month"));
        String email = "ce@" + tenant + ".example";
        String key = users.key(tenant, email, ApiKey.MEMBER);
        Instant now = ShareClockProfile.CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant older = now.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(1));
        Instant newer = now.minus(Duration.ofDays(2));
        for (Instant created : List.of(older, newer)) {
            assertThat(demos.create(new Demo(
                            Ids.demoId(),
                            tenant,
                            email,
                            "Acme",
                            "Retail",
                            "shopify",
                            null,
                            null,
                            DemoStatus.READY,
                            created,
                            created,
                            null,
                            false,
                            List.of(),
                            Map.of(),
                            null,
                            null,
                            null,
                            null)))
                    .isTrue();
        }
        assertThat(thisMonth(key)).isEqualTo(2);
        ShareClockProfile.CLOCK.advance(Duration.ofSeconds(30));
        assertThat(thisMonth(key)).as("the older demo is still within 30 days").isEqualTo(2);
        ShareClockProfile.CLOCK.advance(Duration.ofSeconds(31));
        assertThat(thisMonth(key))
                .as("the older demo is now 30 days and 1 s old")
                .isEqualTo(1);
        ShareClockProfile.CLOCK.advance(Duration.ofDays(28));
        assertThat(thisMonth(key)).isZero();
    }
}
