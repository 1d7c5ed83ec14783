package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Period comparisons, averages per entity, answers that name the records a "which" question asks for, the general
 * English lexicon and the checks that decline rather than answer a different question.
 */
class PlanCheckTest {

    private final AgentSpec shopify = ChatFixtures.agentSpec("shopify");

    private ChatAnswer ask(String q) {
        return ChatFixtures.agent().answer(shopify, List.of(), q);
    }

    @Test
    void twoPeriodsComparedAreOneRowWithBothValuesAndTheChange() {
        ChatAnswer a = ask("How many orders were placed in 2024 compared with 2023?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.columns()).containsExactly("p_2023", "p_2024", "change", "change_pct");
        List<List<Object>> expected = ChatFixtures.query(
                        "shopify",
                        "SELECT count(*) FILTER (WHERE year(created_at) = 2023),"
                                + " count(*) FILTER (WHERE year(created_at) = 2024) FROM orders",
                        10)
                .rows();
        assertThat(ResultComparator.answers(expected, a.rows()))
                .as(a.rows().toString())
                .isTrue();
        assertThat(a.answer()).contains("Change:");
    }

    @Test
    void anAveragePerEntityDividesByAllParentsOrByThoseThatHaveChildren() {
        ChatAnswer all = ask("On average, how many orders does each customer have?");
        assertThat(all.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(all.sql()).contains("/ (SELECT count(*) FROM customers)");
        assertThat(ResultComparator.answers(
                        ChatFixtures.query(
                                        "shopify",
                                        "SELECT round(count(*) * 1.0 / (SELECT count(*) FROM customers), 2) FROM orders",
                                        10)
                                .rows(),
                        all.rows()))
                .isTrue();
        ChatAnswer among = ask("Among customers who have ordered, what is the average number of orders per customer?");
        assertThat(among.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(among.sql()).contains("count(DISTINCT o.customer_id)");
    }

    @Test
    void aWhichQuestionNamesTheRecordsWithTheirKey() {
        ChatAnswer a = ask("Which customer placed the most orders?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.columns()).contains("customer_id");
    }

    @Test
    void theEnglishLexiconGivesBaseFormsAndSynonyms() {
        assertThat(Lexicon.of("purchases").forms()).contains("purchase");
        assertThat(Lexicon.of("clients").synonyms()).contains("customer");
        assertThat(Lexicon.of("merchandise").synonyms()).contains("product");
        assertThat(Lexicon.of("qwzx").synonyms()).isEmpty();
    }

    @Test
    void aNamedRateIsNeverTheTimeBetweenTwoDates() {
        ChatAnswer a = ask("What is the delivery rate in hours?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.DECLINED);
    }
}
