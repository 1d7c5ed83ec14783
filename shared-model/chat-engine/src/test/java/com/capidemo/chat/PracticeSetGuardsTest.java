package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readings that gave a wrong number on the practice sets of the insurance and restaurants custom demos (industries
 * nobody wrote rules for): an average per entity over all parents when some have no child records, a state word the
 * system instruction defines as several values read as one, a per-period word that is part of a column's name read as
 * a time grouping, and "type of X" grouped by another table's type.
 */
class PracticeSetGuardsTest {

    private static ChatAnswer ask(String demo, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(demo), List.of(), q);
    }

    private static List<List<Object>> rows(String demo, String sql) {
        return ChatFixtures.query(demo, sql, 50).rows();
    }

    @Test
    void anAveragePerEntityIsDeclinedWhenSomeParentsHaveNoChildRecordsAndTheQuestionDoesNotSayWhich() {
        ChatAnswer a = ask("insurance", "On average, how many policies does each policyholder hold?");
        assertThat(a.answered()).as(a.sql() + " " + a.rows()).isFalse();
        assertThat(a.answer()).contains("all policyholders or only those that have policies");
        ChatAnswer guests = ask("restaurants", "On average, how many checks does each guest have?");
        assertThat(guests.answered()).as(guests.sql() + " " + guests.rows()).isFalse();
        ChatAnswer customers = ask("shopify", "On average, how many orders does each customer have?");
        assertThat(customers.answered())
                .as(customers.sql() + " " + customers.rows())
                .isFalse();
        // saying which parents is answered as said
        ChatAnswer all = ask("shopify", "Across all our customers, how many orders has each placed on average?");
        assertThat(all.answered()).as(all.answer()).isTrue();
        assertThat(ResultComparator.answers(
                        rows(
                                "shopify",
                                "SELECT round(count(*) * 1.0 / (SELECT count(*) FROM customers), 2)" + " FROM orders"),
                        all.rows()))
                .as(all.sql() + " " + all.rows())
                .isTrue();
    }

    @Test
    void aStateTheInstructionDefinesAsSeveralValuesIsNotReadAsOneOfThem() {
        for (String q : List.of("How many claims are still open?", "How many open claims do we have?")) {
            ChatAnswer a = ask("insurance", q);
            if (a.answered()) {
                assertThat(ResultComparator.answers(
                                rows("insurance", "SELECT count(*) FROM claims WHERE status IN ('open', 'in_review')"),
                                a.rows()))
                        .as(q + " " + a.sql() + " " + a.rows())
                        .isTrue();
            } else {
                assertThat(a.answer()).as(q).contains("Open claims have status 'open' or 'in_review'");
            }
        }
    }

    @Test
    void aPerPeriodWordBeforeAColumnNamedForThatPeriodIsNoTimeGrouping() {
        ChatAnswer a = ask("insurance", "What is the average yearly premium on a policy?");
        if (a.answered()) {
            assertThat(a.sql()).doesNotContainIgnoringCase("year(");
            assertThat(a.rows()).hasSize(1);
        }
        ChatAnswer premium = ask("insurance", "What is the average annual premium on a policy?");
        assertThat(premium.answered()).as(premium.answer()).isTrue();
        assertThat(premium.sql()).doesNotContainIgnoringCase("year(");
    }

    @Test
    void aTypeOfSomethingIsNotAnotherTablesTypeNorDropped() {
        ChatAnswer a = ask("insurance", "How many claims have we had for each type of loss?");
        assertThat(a.answered()).as(a.sql() + " " + a.rows()).isFalse();
        ChatAnswer customers = ask("insurance", "How many claims have we had for each type of customer?");
        if (customers.answered()) {
            assertThat(customers.sql()).contains("customer_type");
        }
    }

    @Test
    void aColumnTheInstructionDefinesAsASumIsThatSumWhenNoAggregateIsSaid() {
        // "Net sales = sum(checks.net_sales) of checks not voided"
        ChatAnswer a = ask("restaurants", "What were our net sales in 2025?");
        assertThat(a.answered()).as(a.answer()).isTrue();
        assertThat(ResultComparator.answers(
                        rows(
                                "restaurants",
                                "SELECT round(sum(net_sales), 2) FROM checks"
                                        + " WHERE status <> 'voided' AND year(check_date) = 2025"),
                        a.rows()))
                .as(a.sql() + " " + a.rows())
                .isTrue();
        ChatAnswer byDaypart = ask("restaurants", "What are our net sales for each daypart?");
        assertThat(byDaypart.answered()).as(byDaypart.answer()).isTrue();
        assertThat(ResultComparator.answers(
                        rows(
                                "restaurants",
                                "SELECT daypart, round(sum(net_sales), 2) FROM checks"
                                        + " WHERE status <> 'voided' GROUP BY 1"),
                        byDaypart.rows()))
                .as(byDaypart.sql() + " " + byDaypart.rows())
                .isTrue();
    }
}
