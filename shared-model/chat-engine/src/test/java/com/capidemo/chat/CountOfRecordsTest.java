package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number of records asked for ("how many late deliveries", "the most unscheduled repairs", "on-time deliveries") is
 * never answered with a total or duration of another column, a
 * grouping by each record, or a count that dropped the on-time test.
 */
class CountOfRecordsTest {

    private static ChatAnswer ask(String demo, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(demo), List.of(), q);
    }

    private static void rightOrDeclined(String demo, String q, String sql) {
        ChatAnswer a = ask(demo, q);
        if (a.answered()) {
            assertThat(ResultComparator.answers(
                            ChatFixtures.query(demo, sql, 50).rows(), a.rows()))
                    .as(q + " " + a.sql() + " " + a.rows())
                    .isTrue();
        }
    }

    @Test
    void aNumberOfRecordsIsNoTotalOfAnotherColumn() {
        for (String q :
                List.of("Which carrier had the most late deliveries?", "How many late deliveries did we have?")) {
            ChatAnswer a = ask("logistics", q);
            assertThat(a.sql() == null ? "" : a.sql()).as(q).doesNotContainIgnoringCase("sum(");
        }
        rightOrDeclined(
                "logistics",
                "How many late deliveries did we have?",
                "SELECT count(*) FROM shipments WHERE delivered_at::DATE > promised_date");
        // the noun names the measured column, a unit or a quantity: still answered
        assertThat(ask("restaurants", "How many hours did employees work in 2025?")
                        .answered())
                .isTrue();
        assertThat(ask("manufacturing", "How many good parts did we make in 2024?")
                        .answered())
                .isTrue();
    }

    @Test
    void onTimeRecordsAreNoDurationNorAllRecords() {
        rightOrDeclined(
                "logistics",
                "How many on-time deliveries did we have?",
                "SELECT count(*) FROM shipments WHERE delivered_at::DATE <= promised_date");
        assertThat(ask("logistics", "How many days does delivery take on average?")
                        .answered())
                .isTrue();
    }

    @Test
    void aRankingOfGroupsIsNoRankingOfSingleRecords() {
        rightOrDeclined(
                "utility",
                "Which region had the most customers affected by outages?",
                "SELECT sa.region, sum(customers_affected) FROM outages o JOIN service_areas sa"
                        + " USING (service_area_id) GROUP BY 1 ORDER BY 2 DESC LIMIT 1");
    }
}
