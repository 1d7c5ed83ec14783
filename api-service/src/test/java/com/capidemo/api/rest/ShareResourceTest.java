package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.capidemo.api.support.ReadyDemos;
import com.capidemo.api.support.ShareClockProfile;
import com.capidemo.api.support.Users;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoShare;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.ShareStore;
import com.capidemo.core.service.TemplateLibrary;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Share links: who may make, list and revoke them, and what a link's holder sees and asks. */
@QuarkusTest
@TestProfile(ShareClockProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareResourceTest {

    @Inject
    ReadyDemos readyDemos;

    @Inject
    Users users;

    @Inject
    ShareStore shares;

    @Inject
    DemoStore demos;

    @Inject
    TemplateLibrary templates;

    private String readyDemo;

    private Users.Team team;

    @BeforeEach
    void setUp() {
        if (team != null) {
            return;
        }
        ShareClockProfile.CLOCK.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        team = users.team("share");
        readyDemo = readyDemos.ready(team.tenant(), "shopify", team.owner());
    }

    private ValidatableResponse share(String key, String demoId, String body) {
        return given().header("X-API-Key", key)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/demos/" + demoId + "/share")
                .then();
    }

    private String token(String demoId, String body) {
        return share(team.ownerKey(), demoId, body).statusCode(201).extract().path("token");
    }

    private ValidatableResponse view(String token, String password) {
        var req = given();
        if (password != null) {
            req = req.header("X-Share-Password", password);
        }
        return req.when().get("/api/shared/" + token).then();
    }

    private ValidatableResponse list(String key, String demoId) {
        return given().header("X-API-Key", key)
                .when()
                .get("/api/demos/" + demoId + "/shares")
                .then();
    }

    private ValidatableResponse revoke(String key, String demoId, String token) {
        return given().header("X-API-Key", key)
                .when()
                .delete("/api/demos/" + demoId + "/shares/" + token)
                .then();
    }

    private ValidatableResponse chat(String token, String password, String body) {
        var req = given().contentType("application/json").body(body);
        if (password != null) {
            req = req.header("X-Share-Password", password);
        }
        return req.when().post("/api/shared/" + token + "/chat").then();
    }

    @Test
    void theHolderOfALinkSeesAReadOnlyViewAndEachViewIsCounted() {
        Instant now = ShareClockProfile.CLOCK.instant();
        var created = share(team.ownerKey(), readyDemo, "{}")
                .statusCode(201)
                .contentType("application/json")
                .body("demo_id", equalTo(readyDemo))
                .body("expires_at", equalTo(now.plus(Duration.ofDays(7)).toString()))
                .body("password_protected", equalTo(false))
                .extract();
        String token = created.path("token");
        assertThat(created.<String>path("share_url")).isEqualTo("/api/shared/" + token);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);

        var golden = templates.find("shopify").orElseThrow().goldenQueries();
        view(token, null)
                .statusCode(200)
                .contentType("application/json")
                .body("read_only", equalTo(true))
                .body("shared_by", equalTo(team.owner()))
                .body("demo.customer_name", notNullValue())
                .body("demo.template_id", equalTo("shopify"))
                .body("demo.industry", notNullValue())
                .body("demo.tables", hasSize(15))
                .body("demo.tables.find { it.name == 'orders' }.row_count", notNullValue())
                .body("demo.golden_questions", hasItem(golden.get(0).question()))
                .body("demo.readiness.score", notNullValue())
                .body("demo", not(org.hamcrest.Matchers.hasKey("dataset_id")));
        ShareClockProfile.CLOCK.advance(Duration.ofMinutes(5));
        view(token, null).statusCode(200);

        DemoShare stored = shares.find(Ids.sha256(token)).orElseThrow();
        assertThat(stored.accessCount()).isEqualTo(2);
        assertThat(stored.lastAccessed()).isEqualTo(ShareClockProfile.CLOCK.instant());
        assertThat(new String(stored.encryptedToken(), StandardCharsets.ISO_8859_1))
                .doesNotContain(token);
        list(team.ownerKey(), readyDemo)
                .statusCode(200)
                .body("shares.find { it.token == '" + token + "' }.access_count", equalTo(2))
                .body("shares.find { it.token == '" + token + "' }.last_accessed", notNullValue());
    }

    @Test
    void ownerAndAdminManageLinksAnotherMemberIs403AnotherTenant404() {
        String demoId = readyDemos.queued(team.tenant(), "shopify", team.owner());
        share(team.ownerKey(), demoId, "{}").statusCode(201);
        String adminToken = share(team.adminKey(), demoId, "{\"expires_in_days\":1}")
                .statusCode(201)
                .extract()
                .path("token");
        share(team.colleagueKey(), demoId, "{}")
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/forbidden"));
        share(team.otherTenantKey(), demoId, "{}").statusCode(404).body("type", endsWith("/demo-not-found"));
        share(team.ownerKey(), "demo_0000000000000000", "{}").statusCode(404);

        list(team.ownerKey(), demoId).statusCode(200).body("shares", hasSize(2));
        list(team.adminKey(), demoId).statusCode(200).body("shares", hasSize(2));
        list(team.colleagueKey(), demoId).statusCode(403);
        list(team.otherTenantKey(), demoId).statusCode(404);

        revoke(team.colleagueKey(), demoId, adminToken).statusCode(403);
        revoke(team.otherTenantKey(), demoId, adminToken).statusCode(404);
        view(adminToken, null).statusCode(200);
        revoke(team.ownerKey(), demoId, adminToken).statusCode(204);
        revoke(team.adminKey(), demoId, adminToken).statusCode(204);
        list(team.ownerKey(), demoId).statusCode(200).body("shares", hasSize(1));
    }

    @Test
    void expiresInDaysIsOneToNinetyAndTheLinkIs410AfterIt() {
        share(team.ownerKey(), readyDemo, "{\"expires_in_days\":0}")
                .statusCode(422)
                .body("errors[0].field", equalTo("expires_in_days"));
        share(team.ownerKey(), readyDemo, "{\"expires_in_days\":91}").statusCode(422);
        share(team.ownerKey(), readyDemo, "{\"expires_in_days\":\"x\"}").statusCode(422); // wrong type names the field
        share(team.ownerKey(), readyDemo, "{\"password\":\"\"}")
                .statusCode(422)
                .body("errors[0].field", equalTo("password"));
        Instant now = ShareClockProfile.CLOCK.instant();
        share(team.ownerKey(), readyDemo, "{\"expires_in_days\":90}")
                .statusCode(201)
                .body("expires_at", equalTo(now.plus(Duration.ofDays(90)).toString()));

        String token = token(readyDemo, "{\"expires_in_days\":1}");
        ShareClockProfile.CLOCK.advance(Duration.ofDays(1).minusSeconds(1));
        view(token, null).statusCode(200);
        ShareClockProfile.CLOCK.advance(Duration.ofSeconds(1));
        view(token, null)
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", endsWith("/share-expired"));
        chat(token, null, "{\"message\":\"how many orders?\"}").statusCode(410);
        list(team.ownerKey(), readyDemo).body("shares.find { it.token == '" + token + "' }.expired", equalTo(true));
    }

    @Test
    void aPasswordIsRequiredAndStoredOnlyAsASaltedSlowHash() {
        String password = "correct horse " + Ids.randomHex(4);
        String token = share(team.ownerKey(), readyDemo, "{\"password\":\"" + password + "\"}")
                .statusCode(201)
                .body("password_protected", equalTo(true))
                .extract()
                .path("token");
        String second = token(readyDemo, "{\"password\":\"" + password + "\"}");

        view(token, null)
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", endsWith("/unauthorized"));
        view(token, "wrong").statusCode(401);
        view(token, password).statusCode(200).body("read_only", equalTo(true));
        assertThat(shares.find(Ids.sha256(token)).orElseThrow().accessCount())
                .as("only the admitted view")
                .isEqualTo(1);

        DemoShare a = shares.find(Ids.sha256(token)).orElseThrow();
        DemoShare b = shares.find(Ids.sha256(second)).orElseThrow();
        for (DemoShare s : List.of(a, b)) {
            assertThat(s.passwordHash())
                    .startsWith("pbkdf2-sha256$600000$")
                    .doesNotContain(password)
                    .doesNotContain(Ids.sha256(password));
        }
        assertThat(a.passwordHash())
                .as("salted: the same password hashes differently")
                .isNotEqualTo(b.passwordHash());
        String[] parts = a.passwordHash().split("\\$");
        assertThat(java.util.Base64.getDecoder().decode(parts[2])).as("salt").hasSize(16);
        assertThat(Json.write(a)).doesNotContain(password);
    }

    @Test
    void passwordsThatTheHeaderCannotCarryIntactAre422NamingPassword() {
        for (String untypable :
                new String[] {"pw-with-space ", " lead", "   ", "tab\\there", "caf\u00e9", "new\\nline"}) {
            share(team.ownerKey(), readyDemo, "{\"password\":\"" + untypable + "\"}")
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("password"));
        }
        String token = token(readyDemo, "{\"password\":\"inner spaces are fine!\"}");
        view(token, "inner spaces are fine!").statusCode(200);
    }

    @Test
    void moreThanFiveWrongPasswordsAMinuteAre429WithRetryAfter() {
        String token = token(readyDemo, "{\"password\":\"s3cret\"}");
        for (int i = 0; i < 5; i++) {
            view(token, "guess" + i).statusCode(401);
        }
        String retry = view(token, "s3cret")
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", endsWith("/too-many-attempts"))
                .extract()
                .header("Retry-After");
        assertThat(Integer.parseInt(retry)).isBetween(1, 60);
        chat(token, "guess", "{\"message\":\"how many orders?\"}").statusCode(429);
        String other = token(readyDemo, "{\"password\":\"s3cret\"}");
        view(other, "s3cret").statusCode(200);

        ShareClockProfile.CLOCK.advance(Duration.ofSeconds(61));
        view(token, "s3cret").statusCode(200);
    }

    @Test
    void revokedUnknownAndMalformedLinksAre404AndSoIsADeletedDemo() {
        String token = token(readyDemo, "{}");
        view(token, null).statusCode(200);
        revoke(team.ownerKey(), readyDemo, token).statusCode(204);
        view(token, null)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/share-not-found"));
        chat(token, null, "{\"message\":\"how many orders?\"}").statusCode(404);
        list(team.ownerKey(), readyDemo).body("shares.token", not(hasItem(token)));

        view("A".repeat(43), null).statusCode(404);
        view("not-a-token", null).statusCode(404);
        revoke(team.ownerKey(), readyDemo, "A".repeat(43)).statusCode(404);
        String foreign = token(readyDemos.queued(team.tenant(), "shopify", team.owner()), "{}");
        revoke(team.ownerKey(), readyDemo, foreign).statusCode(404);

        String demoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
        String onDeleted = token(demoId, "{}");
        given().header("X-API-Key", team.ownerKey())
                .when()
                .delete("/api/demos/" + demoId)
                .then()
                .statusCode(204);
        view(onDeleted, null).statusCode(404);
        share(team.ownerKey(), demoId, "{}").statusCode(409).body("type", endsWith("/demo-deleted"));
    }

    @Test
    void theViewerChatsThroughTheChatServiceAndOnlyLastUsedChanges() {
        String demoId = readyDemos.ready(team.tenant(), "shopify", team.owner());
        String token = token(demoId, "{\"password\":\"pw\"}");
        Demo before = demos.find(demoId).orElseThrow();
        var golden = templates.find("shopify").orElseThrow().goldenQueries().get(1);
        ShareClockProfile.CLOCK.advance(Duration.ofDays(1));

        chat(token, null, "{\"message\":\"hi\"}").statusCode(401);
        String conversation = chat(token, "pw", "{\"message\":" + Json.write(golden.question()) + "}")
                .statusCode(200)
                .contentType("application/json")
                .body("sql", equalTo(golden.sql().strip()))
                .body("outcome", equalTo("golden"))
                .body("turn", equalTo(1))
                .body("answer", notNullValue())
                .body("columns", notNullValue())
                .body("follow_up_questions", notNullValue())
                .extract()
                .path("conversation_id");
        chat(token, "pw", "{\"message\":\"and by month?\",\"conversation_id\":\"" + conversation + "\"}")
                .statusCode(200)
                .body("conversation_id", equalTo(conversation))
                .body("turn", equalTo(2));
        chat(token, "pw", "{\"message\":\"\"}").statusCode(422).body("errors[0].field", equalTo("message"));
        chat(token, "pw", "{}").statusCode(422);

        String tenantConversation = given().header("X-API-Key", team.ownerKey())
                .contentType("application/json")
                .body("{\"demo_id\":\"" + demoId + "\",\"message\":\"how many orders?\"}")
                .when()
                .post("/api/chat")
                .then()
                .statusCode(200)
                .extract()
                .path("conversation_id");
        chat(token, "pw", "{\"message\":\"more\",\"conversation_id\":\"" + tenantConversation + "\"}")
                .statusCode(404);

        Demo after = demos.find(demoId).orElseThrow();
        assertThat(after.lastUsed()).isAfter(before.lastUsed());
        assertThat(after).usingRecursiveComparison().ignoringFields("lastUsed").isEqualTo(before);

        String queued = readyDemos.queued(team.tenant(), "shopify", team.owner());
        chat(token(queued, "{}"), null, "{\"message\":\"hi\"}")
                .statusCode(409)
                .body("type", endsWith("/demo-not-ready"));
        view(token(queued, "{}"), null).statusCode(200).body("demo.status", equalTo("provisioning"));
    }

    @Test
    void noApiKeyIsNeededForALinkButOneIsForManagingIt() {
        String token = token(readyDemo, "{}");
        view(token, null).statusCode(200);
        given().when().get("/api/demos/" + readyDemo + "/shares").then().statusCode(401);
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/demos/" + readyDemo + "/share")
                .then()
                .statusCode(401);
    }
}
