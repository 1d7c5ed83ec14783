package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Conversation;
import com.capidemo.core.domain.ConversationTurn;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoShare;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.InsightCounts;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ConversationStore;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.InsightsStore;
import com.capidemo.core.port.ShareStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InsightsStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators): per user
 * and period, demos by origin, demos with an opened share link, links created and first opened, questions asked and
 * declined, counted from what the demo, share and conversation stores wrote, other tenants and periods left out.
 */
public abstract class InsightsStoreContract {

    /** When the conversation store writes its turns: the clock every store of the test is given. */
    protected static final Instant NOW = Instant.parse("2026-04-10T09:00:00Z");

    protected static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    protected abstract InsightsStore insights();

    protected abstract DemoStore demos();

    protected abstract ShareStore shares();

    protected abstract ConversationStore conversations();

    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");

    private Demo demo(String tenant, String user, String template, String source, Instant created) {
        Demo d = new Demo(
                Ids.demoId(),
                tenant,
                user,
                "Acme",
                "Retail",
                template,
                null,
                null,
                DemoStatus.PROVISIONING,
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
        assertThat(demos().create(d)).isTrue();
        return d;
    }

    private DemoShare share(Demo demo, Instant created) {
        DemoShare s = new DemoShare(
                Ids.randomHex(32),
                new byte[] {1},
                demo.demoId(),
                demo.tenantId(),
                demo.createdBy(),
                created,
                created.plus(7, ChronoUnit.DAYS),
                null,
                true,
                0,
                null,
                null);
        assertThat(shares().create(s)).isTrue();
        return s;
    }

    private void ask(Conversation c, String outcome) {
        conversations()
                .append(new ConversationTurn(
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
    void eachUsersActivityIsCountedInThePeriodItHappened() {
        String tenant = "t" + Ids.randomHex(6);
        String ann = "ann@" + tenant + ".example";
        String bob = "bob@" + tenant + ".example";
        Demo annQuick = demo(tenant, ann, "shopify", null, MARCH.plus(2, ChronoUnit.DAYS));
        demo(tenant, ann, null, null, MARCH.plus(3, ChronoUnit.DAYS));
        demo(tenant, ann, "shopify", annQuick.demoId(), MARCH.plus(4, ChronoUnit.DAYS));
        demo(tenant, ann, "shopify", null, APRIL.plus(1, ChronoUnit.DAYS));
        demo(tenant, bob, "saas", null, APRIL.minusMillis(1));
        demo(tenant, bob, "saas", null, MAY); // the next period starts here
        demo("other" + tenant, ann, "shopify", null, MARCH.plus(2, ChronoUnit.DAYS));

        DemoShare opened = share(annQuick, MARCH.plus(5, ChronoUnit.DAYS));
        share(annQuick, MARCH.plus(6, ChronoUnit.DAYS)); // never opened
        assertThat(shares().recordAccess(opened.tokenHash(), APRIL.plus(2, ChronoUnit.DAYS)))
                .isTrue();
        assertThat(shares().recordAccess(opened.tokenHash(), APRIL.plus(3, ChronoUnit.DAYS)))
                .isTrue();

        Conversation c = conversations().create(tenant, annQuick.demoId(), ann);
        ask(c, "answered");
        ask(c, ChatAnswer.DECLINED);
        ask(c, "answered");
        Conversation other = conversations().create("other" + tenant, annQuick.demoId(), ann);
        ask(other, "answered");

        Map<String, InsightCounts> march = insights().count(tenant, MARCH, APRIL, List.of(ann, bob));
        assertThat(march.get(ann)).isEqualTo(new InsightCounts(1, 1, 1, 1, 2, 0, 0, 0));
        assertThat(march.get(bob)).isEqualTo(new InsightCounts(1, 0, 0, 0, 0, 0, 0, 0));

        Map<String, InsightCounts> april = insights().count(tenant, APRIL, MAY, List.of(ann, bob));
        assertThat(april.get(ann))
                .as("the link is counted as opened once, in the period of its first opening")
                .isEqualTo(new InsightCounts(1, 0, 0, 0, 0, 1, 3, 1));
        assertThat(april.getOrDefault(bob, InsightCounts.ZERO)).isEqualTo(InsightCounts.ZERO);
    }
}
