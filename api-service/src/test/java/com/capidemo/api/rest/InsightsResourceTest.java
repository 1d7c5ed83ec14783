package com.capidemo.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.capidemo.api.support.ShareClockProfile;
import com.capidemo.api.support.Users;
import com.capidemo.core.domain.Conversation;
import com.capidemo.core.domain.ConversationTurn;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoShare;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ConversationStore;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.ShareStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The team insights: who may read them, which months they cover, and the figures they count. */
@QuarkusTest
@TestProfile(ShareClockProfile.class)
class InsightsResourceTest {

    @Inject
    Users users;

    @Inject
    DemoStore demos;

    @Inject
    ShareStore shares;

    @Inject
    ConversationStore conversations;

    private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");

    private Demo demo(Users.Team team, String template, String source, Instant created) {
        Demo d = new Demo(
                Ids.demoId(),
                team.tenant(),
                team.owner(),
                "Acme",
                "Retail",
                template,
                null,
                null,
                DemoStatus.FAILED,
                created,
                created,
                null,
                false,
                List.of(),
                Map.of(),
                null,
                null,
                null,
                source);
        demos.create(d);
        return d;
    }

    private void ask(Conversation c, String outcome) {
        conversations.append(new ConversationTurn(
                c.conversationId(),
                0,
                "How many orders?",
                "42",
                null,
                List.of(),
                List.of(),
                false,
                null,
                List.of(),
                outcome,
                null,
                null));
    }

    @Test
    void aTenantAdminSeesEachMonthAndEachUsersFigures() {
        ShareClockProfile.CLOCK.set(Instant.parse("2026-12-15T10:00:00Z"));
        Users.Team team = users.team("insights");
        Demo novemberQuick = demo(team, "shopify", null, NOVEMBER.plus(2, ChronoUnit.DAYS));
        demo(team, "shopify", novemberQuick.demoId(), NOVEMBER.plus(3, ChronoUnit.DAYS));
        demo(team, null, null, DECEMBER.plus(1, ChronoUnit.DAYS));
        demo(team, "saas", null, DECEMBER.plus(4, ChronoUnit.DAYS));
        demo(team, "saas", null, NOVEMBER.minusMillis(1)); // October: outside two months
        DemoShare link = new DemoShare(
                Ids.randomHex(32),
                new byte[] {1},
                novemberQuick.demoId(),
                team.tenant(),
                team.owner(),
                DECEMBER.plus(2, ChronoUnit.DAYS),
                DECEMBER.plus(9, ChronoUnit.DAYS),
                null,
                true,
                0,
                null,
                null);
        shares.create(link);
        shares.recordAccess(link.tokenHash(), DECEMBER.plus(3, ChronoUnit.DAYS));
        Conversation c = conversations.create(team.tenant(), novemberQuick.demoId(), team.owner());
        ask(c, "planned");
        ask(c, ChatAnswer.DECLINED);

        String owner = team.owner();
        given().header("X-API-Key", team.adminKey())
                .queryParam("months", 2)
                .when()
                .get("/api/insights")
                .then()
                .statusCode(200)
                .body("month_count", equalTo(2))
                .body("from", equalTo("2026-11-01T00:00:00Z"))
                .body("to", equalTo("2027-01-01T00:00:00Z"))
                .body("targets.demos_per_user_per_month", equalTo(25))
                .body("targets.template_usage_rate", equalTo(0.7f))
                .body("months", hasSize(2))
                .body("months[0].month", equalTo("2026-11"))
                .body("months[0].active_users", equalTo(1))
                .body("months[0].demos_per_user", equalTo(2.0f))
                .body("months[0].totals.demos_created", equalTo(2))
                .body("months[0].totals.quick", equalTo(1))
                .body("months[0].totals.clones", equalTo(1))
                .body("months[0].totals.template_usage_rate", equalTo(0.5f))
                .body("months[0].totals.reuse_rate", equalTo(0.5f))
                .body("months[0].totals.shared_demos", equalTo(1))
                .body("months[0].totals.sharing_rate", equalTo(0.5f))
                .body("months[0].totals.share_links_created", equalTo(0))
                .body("months[1].month", equalTo("2026-12"))
                .body("months[1].totals.demos_created", equalTo(2))
                .body("months[1].totals.custom", equalTo(1))
                .body("months[1].totals.reuse_rate", equalTo(0.0f))
                .body("months[1].totals.sharing_rate", equalTo(0.0f))
                .body("months[1].totals.share_links_created", equalTo(1))
                .body("months[1].totals.share_links_opened", equalTo(1))
                .body("months[1].totals.questions_asked", equalTo(2))
                .body("months[1].totals.questions_declined", equalTo(1))
                .body("months[1].users[0].user", equalTo(owner))
                .body("months[1].users[0].figures.questions_asked", equalTo(2))
                .body("users", hasSize(3)) // the admin, the owner and the colleague hold keys
                .body("users[0].user", equalTo(owner))
                .body("users[0].figures.demos_created", equalTo(4))
                .body("users[1].figures.demos_created", equalTo(0))
                .body("users[1].figures.template_usage_rate", nullValue());
    }

    @Test
    void theDefaultIsSixMonthsAndAnotherTenantsActivityIsNotCounted() {
        Users.Team team = users.team("insightsquiet");
        given().header("X-API-Key", team.adminKey())
                .when()
                .get("/api/insights")
                .then()
                .statusCode(200)
                .body("months", hasSize(6))
                .body("months[5].totals.demos_created", equalTo(0))
                .body("months[5].demos_per_user", nullValue());
    }

    @Test
    void membersAre403AndNoKeyIs401() {
        Users.Team team = users.team("insightsauth");
        given().header("X-API-Key", team.ownerKey())
                .when()
                .get("/api/insights")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/api/insights").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void monthsOutsideOneToTwentyFourAre422NamingMonths() {
        Users.Team team = users.team("insights422");
        for (String months : List.of("0", "25", "-1", "six", "1.5")) {
            given().header("X-API-Key", team.adminKey())
                    .queryParam("months", months)
                    .when()
                    .get("/api/insights")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("months"));
        }
        given().header("X-API-Key", team.adminKey())
                .queryParam("months", 24)
                .when()
                .get("/api/insights")
                .then()
                .statusCode(200)
                .body("months", hasSize(24));
    }
}
