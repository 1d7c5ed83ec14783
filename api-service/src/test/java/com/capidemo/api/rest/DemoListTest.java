package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.Tenants;
import com.capidemo.api.support.Users;
import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.DemoStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GET /api/demos and GET /api/dashboard over 10,000 demos stored directly (not provisioned): compact items, keyset
 * pages that return every demo exactly once, filters, counts, and 422 for bad parameters.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoListTest {

    static final int DEMOS = 10_000;
    static final String[] TEMPLATES = {"shopify", "banking", "saas"};

    @Inject
    DemoStore demos;

    @Inject
    Users users;

    private String tenant;
    private String adminKey;
    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, List<Demo>> byUser = new HashMap<>();
    private final Set<String> all = new HashSet<>();
    private Instant now;

    @BeforeEach
    void seed() {
        if (adminKey != null) {
            return;
        }
        adminKey = Tenants.onboardNew("list");
        tenant = ReadyDemos.tenantOf(adminKey);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int u = 0; u < 4; u++) {
            String email = "user" + u + "@" + tenant + ".example";
            keys.put(email, users.key(tenant, email, ApiKey.MEMBER));
            byUser.put(email, new ArrayList<>());
        }
        List<String> emails = new ArrayList<>(keys.keySet());
        for (int i = 0; i < DEMOS; i++) {
            String owner = emails.get(i % emails.size());
            // 60 days of demos, several in the same millisecond (the cursor must break those ties)
            Instant created = now.minus(Duration.ofMinutes(9 * (i / 3)));
            boolean pinned = i % 97 == 0;
            DemoStatus status = i % 11 == 0 ? DemoStatus.FAILED : DemoStatus.READY;
            Demo d = new Demo(
                    Ids.demoId(),
                    tenant,
                    owner,
                    (i % 5 == 0 ? "Acme Retail " : "Globex ") + i,
                    "Retail",
                    TEMPLATES[i % TEMPLATES.length],
                    null,
                    null,
                    status,
                    created,
                    created,
                    null,
                    pinned,
                    List.of(),
                    Map.of("table_count", 15, "total_rows", 145000),
                    null,
                    pinned ? created : null,
                    null,
                    null);
            assertThat(demos.create(d)).isTrue();
            all.add(d.demoId());
            byUser.get(owner).add(d);
        }
    }

    private JsonPath page(String key, String query) {
        return given().urlEncodingEnabled(false)
                .header("X-API-Key", key)
                .when()
                .get("/api/demos" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Every page of a listing, following next_cursor. */
    private List<Map<String, Object>> everyPage(String key, String query) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < DEMOS; i++) {
            JsonPath p = page(key, query + (cursor == null ? "" : "&cursor=" + cursor));
            items.addAll(p.getList("demos"));
            cursor = p.getString("next_cursor");
            if (cursor == null) {
                return items;
            }
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void pagingThroughTenThousandDemosReturnsEachExactlyOnceNewestFirst() {
        List<Map<String, Object>> items = everyPage(adminKey, "?limit=100");
        List<String> ids = items.stream().map(m -> (String) m.get("demo_id")).toList();
        assertThat(ids).hasSize(DEMOS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(all);
        for (int i = 1; i < items.size(); i++) {
            Instant a = Instant.parse((String) items.get(i - 1).get("created_at"));
            Instant b = Instant.parse((String) items.get(i).get("created_at"));
            assertThat(a).isAfterOrEqualTo(b);
        }
    }

    @Test
    void theDefaultPageIsFiftyCompactItems() {
        JsonPath p = page(adminKey, "");
        assertThat(p.getList("demos")).hasSize(50);
        assertThat(p.getString("next_cursor")).isNotBlank();
        Map<String, Object> item = p.getMap("demos[0]");
        assertThat(item.keySet())
                .containsExactlyInAnyOrder(
                        "demo_id",
                        "customer_name",
                        "template_id",
                        "industry",
                        "status",
                        "is_pinned",
                        "created_by",
                        "created_at",
                        "last_used",
                        "table_count",
                        "total_rows",
                        "readiness_score");
        assertThat(item.get("table_count")).isEqualTo(15);
        assertThat(item.get("total_rows")).isEqualTo(145000);
    }

    @Test
    void filtersCombineAndTheirPagesAreCompleteToo() {
        String user = "user1@" + tenant + ".example";
        long expected = byUser.get(user).stream()
                .filter(d -> d.templateId().equals("banking") && d.status() == DemoStatus.READY)
                .count();
        List<Map<String, Object>> items =
                everyPage(adminKey, "?limit=100&template_id=banking&status=ready&created_by=" + user);
        assertThat(items).hasSize((int) expected);
        assertThat(items).allSatisfy(m -> {
            assertThat(m.get("template_id")).isEqualTo("banking");
            assertThat(m.get("status")).isEqualTo("ready");
            assertThat(m.get("created_by")).isEqualTo(user);
        });
        long pinned = all.size() / 97 + 1;
        assertThat(everyPage(adminKey, "?limit=100&pinned=true"))
                .hasSize((int) pinned)
                .allSatisfy(m -> assertThat(m.get("is_pinned")).isEqualTo(true));
        assertThat(everyPage(adminKey, "?limit=100&q=acme%20ret"))
                .hasSize(DEMOS / 5)
                .allSatisfy(m -> assertThat((String) m.get("customer_name")).startsWith("Acme Retail "));
        given().header("X-API-Key", Tenants.onboardNew("empty"))
                .when()
                .get("/api/demos?q=acme")
                .then()
                .statusCode(200)
                .body("demos", hasSize(0))
                .body("next_cursor", nullValue());
    }

    @Test
    void theDashboardCountsTheCallersOwnDemosWithCountQueries() {
        String user = "user2@" + tenant + ".example";
        List<Demo> mine = byUser.get(user);
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        JsonPath d = given().header("X-API-Key", keys.get(user))
                .when()
                .get("/api/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(d.getString("user")).isEqualTo(user);
        assertThat(d.getLong("stats.total_demos")).isEqualTo(mine.size());
        assertThat(d.getLong("stats.demos_this_month"))
                .isEqualTo(mine.stream()
                        .filter(x -> x.createdAt().isAfter(monthAgo))
                        .count());
        assertThat(d.getLong("stats.pinned_count"))
                .isEqualTo(mine.stream().filter(Demo::isPinned).count());
        assertThat(d.getLong("stats.by_status.failed"))
                .isEqualTo(mine.stream()
                        .filter(x -> x.status() == DemoStatus.FAILED)
                        .count());
        assertThat(d.getLong("stats.by_status.archived")).isZero();
        assertThat(d.getLong("stats.by_template.shopify"))
                .isEqualTo(mine.stream()
                        .filter(x -> x.templateId().equals("shopify"))
                        .count());
        assertThat(d.getList("pinned_demos")).hasSizeLessThanOrEqualTo(10).isNotEmpty();
        assertThat(d.getList("pinned_demos.is_pinned", Boolean.class)).containsOnly(true);
        assertThat(d.getList("recent_demos.demo_id", String.class))
                .containsExactlyElementsOf(mine.stream()
                        .sorted((a, b) -> a.createdAt().equals(b.createdAt())
                                ? b.demoId().compareTo(a.demoId())
                                : b.createdAt().compareTo(a.createdAt()))
                        .limit(10)
                        .map(Demo::demoId)
                        .toList());
    }

    @Test
    void badParametersAre422NamingTheParameter() {
        for (String[] bad : new String[][] {
            {"limit=0", "limit"},
            {"limit=101", "limit"},
            {"limit=ten", "limit"},
            {"status=gone", "status"},
            {"pinned=yes", "pinned"},
            {"cursor=not-a-cursor", "cursor"},
            {"cursor=" + "djEuMS4yLmRlbW9fIQ", "cursor"},
            {"q=" + "a".repeat(41), "q"}
        }) {
            given().header("X-API-Key", adminKey)
                    .when()
                    .get("/api/demos?" + bad[0])
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/validation-failed"))
                    .body("errors[0].field", equalTo(bad[1]));
        }
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        given().header("X-API-Key", Tenants.onboardNew("stranger"))
                .when()
                .get("/api/demos?limit=100")
                .then()
                .statusCode(200)
                .body("demos", hasSize(0));
    }
}
