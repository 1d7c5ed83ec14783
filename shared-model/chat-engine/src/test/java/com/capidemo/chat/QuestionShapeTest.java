package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Question shapes: averages per entity said with "each" or "a", periods referred back to, splits between values. */
class QuestionShapeTest {

    private ChatAnswer ask(String template, String q) {
        AgentSpec spec = ChatFixtures.agentSpec(template);
        return ChatFixtures.agent().answer(spec, List.of(), q);
    }

    private Object value(String template, String sql) {
        return ChatFixtures.query(template, sql, 10).rows().get(0).get(0);
    }

    private double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void anAverageOverEachParentSaidWithEachOrAnArticle() {
        Object expected =
                value("shopify", "SELECT round(count(*) * 1.0 / (SELECT count(*) FROM customers), 2) FROM orders");
        // some customers have no orders: without "all" the two readings differ and it is declined
        ChatAnswer a = ask("shopify", "On average, how many orders does a customer place?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.DECLINED);
        assertThat(a.answer()).contains("all customers or only those that have orders");

        ChatAnswer each = ask("shopify", "Across all our customers, how many orders has each placed on average?");
        assertThat(each.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(number(each.rows().get(0).get(0))).isEqualTo(number(expected));
    }

    @Test
    void anAverageOverTheParentsOfAPeriodNeedsToSayWhichParents() {
        // all customers, or only those who ordered in 2024? Said: the ones counted that year
        ChatAnswer among = ask(
                "shopify",
                "In 2024, how many orders did a customer place on average, counting the customers who ordered that "
                        + "year?");
        assertThat(among.outcome()).isEqualTo(ChatAnswer.PLANNED);
        Object expected = value(
                "shopify",
                "SELECT round(count(*) * 1.0 / count(DISTINCT customer_id), 2) FROM orders "
                        + "WHERE year(created_at) = 2024");
        assertThat(number(among.rows().get(0).get(0))).isEqualTo(number(expected));
        // not said: declined, never divided by every customer there is
        ChatAnswer unsaid = ask("shopify", "In 2024, what was the average number of orders per customer?");
        assertThat(unsaid.outcome()).isEqualTo(ChatAnswer.DECLINED);
        assertThat(unsaid.answer()).contains("only those with");
        // "among customers in Texas" narrows the customers by where they are, not by having orders
        ChatAnswer where =
                ask("shopify", "Among customers in Texas, what is the average number of orders per customer?");
        assertThat(where.outcome()).isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void aSplitBetweenValuesOfOneColumnIsAGroupingByIt() {
        // "monthly" and "annual" are values of the billing interval here, not two time groupings
        ChatAnswer a = ask("saas", "How is current MRR split across annual and monthly billing?");
        assertThat(a.outcome()).as(a.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.columns()).contains("billing_interval");
        assertThat(a.rows()).hasSize(2);
        Object annual = value(
                "saas",
                "SELECT round(sum(mrr), 2) FROM subscriptions WHERE status = 'active' AND billing_interval = 'annual'");
        assertThat(a.rows())
                .anySatisfy(r ->
                        assertThat(List.of(r.get(0), number(r.get(1)))).isEqualTo(List.of("annual", number(annual))));
    }
}
