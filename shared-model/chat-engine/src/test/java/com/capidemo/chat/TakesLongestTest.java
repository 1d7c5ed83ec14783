package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Which X takes the longest to <verb>": a ranking by the average time between the records' two dates. */
class TakesLongestTest {

    private ChatAnswer ask(String template, String q) {
        AgentSpec spec = ChatFixtures.agentSpec(template);
        return ChatFixtures.agent().answer(spec, List.of(), q);
    }

    @Test
    void ranksByTheAverageTimeBetweenTheRecordsOpenAndTheDateTheVerbNames() {
        ChatAnswer longest = ask("banking", "Which support case category takes the longest to resolve on average?");
        assertThat(longest.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(longest.sql()).contains("opened_at", "resolved_at", "DESC").contains("LIMIT 1");
        assertThat(longest.rows()).hasSize(1);
        ChatAnswer all = ask("banking", "What is the average time to resolve by support case category?");
        assertThat(longest.rows().get(0).get(0)).isEqualTo(all.rows().get(0).get(0));

        ChatAnswer shortest = ask("telco", "Which support ticket category takes the shortest time to resolve?");
        assertThat(shortest.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(shortest.sql()).contains("resolved_at", "ASC").contains("LIMIT 1");

        assertThat(TakesLongest.rewrite("Which carrier is the fastest to deliver?"))
                .isEqualTo("Which carrier has the lowest average time to deliver?");
    }

    @Test
    void declinesWhenTheTimeIsNotBetweenTwoDatesOfTheRecordsTheVerbNames() {
        // read as a ranking by time, "ship orders" would average the order value
        assertThat(ask("logistics", "Which warehouse takes the longest to ship orders?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
        assertThat(ask("banking", "Which loan type takes the longest to pay off?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void aTimeUntilTheRecordsClosingDateStartsAtTheirOwnDateNeverAtTheirParentsMembershipDate() {
        // shipments have ship_date (named after the records) and the customers they belong to customer_since: the
        // time to deliver runs from shipping, never from the customer's first day (1,300 days)
        ChatAnswer byCarrier = ask("logistics", "Which carrier takes the longest to deliver on average?");
        assertThat(byCarrier.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(byCarrier.sql()).contains("s.ship_date, s.delivered_at").doesNotContain("customer_since");
        ChatAnswer overall = ask("logistics", "How long does delivery take on average?");
        assertThat(overall.sql()).contains("ship_date").doesNotContain("customer_since");
        assertThat(((Number) overall.rows().get(0).get(0)).doubleValue())
                .isEqualTo(((Number) ChatFixtures.query(
                                        "logistics",
                                        "SELECT round(avg(date_diff('minute', ship_date, delivered_at)) / 1440.0, 1)"
                                                + " FROM shipments",
                                        1)
                                .rows()
                                .get(0)
                                .get(0))
                        .doubleValue());
    }
}
