package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everyday words the data names from its own side: WordNet synonyms of its name parts, units of its columns. */
class DataWordsTest {

    private static ChatAnswer ask(String template, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(template), List.of(), q);
    }

    private static List<List<Object>> rows(String template, String sql) {
        return ChatFixtures.query(template, sql, 50).rows();
    }

    @Test
    void aWordThatIsASynonymOfAColumnsNameNamesThatColumn() {
        // WordNet lists "reason" among the words of "cause" (not the other way round): outages.cause
        ChatAnswer common = ask("utility", "What is the most common reason for outages?");
        assertThat(common.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(common.sql()).contains("GROUP BY o.cause").contains("count(*)");
        ChatAnswer each = ask("utility", "How many outages were there for each reason?");
        assertThat(each.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(each.sql()).contains("GROUP BY o.cause");
        assertThat(ChatFixtures.query("utility", each.sql(), 50).rows())
                .containsExactlyInAnyOrderElementsOf(
                        rows("utility", "SELECT cause, count(*) FROM outages WHERE cause IS NOT NULL GROUP BY 1"));
    }

    @Test
    void aReasoningWordTheDataUsesIsNotReasoningButTheFutureStillIs() {
        // saas describes canceled subscriptions as "the customer churned": a word of the data, not a forecast
        assertThat(ask("saas", "How many customers have churned?").answer())
                .doesNotContain("reasoning beyond the data");
        assertThat(ask("saas", "Which customers are likely to churn?").answer()).contains("reasoning beyond the data");
        assertThat(ask("telco", "Why did customers churn last year?").answer()).contains("reasoning beyond the data");
        assertThat(ask("shopify", "What is the main reason customers buy from us?")
                        .outcome())
                .isNotEqualTo(ChatAnswer.PLANNED);
    }

    @Test
    void howManyOfAColumnsUnitIsANumberOfThatUnitNotMoney() {
        // data_gb is a decimal like money, but "how many gigabytes" names its unit part (gb for gigabyte)
        ChatAnswer gb = ask("telco", "How many gigabytes of data were used in 2025?");
        assertThat(gb.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(gb.sql()).contains("sum(mu.data_gb)");
        assertThat(ChatFixtures.query("telco", gb.sql(), 5).rows())
                .isEqualTo(rows(
                        "telco", "SELECT round(sum(data_gb), 2) FROM monthly_usage WHERE year(usage_month) = 2025"));
        // "how many units" is still never a price (unit_price's last part is price)
        assertThat(ask("shopify", "How many units did we sell in 2024?").sql()).doesNotContain("unit_price");
    }

    @Test
    void aPluralSynonymWhosePluralIsATablesNameNamesThoseRecords() {
        // registration ↔ enrollment in WordNet; "enrollment" is also spelled by the students' value 'enrolled', but
        // said in the plural it names the enrollments table
        ChatAnswer total = ask("university", "How many registrations were there in total?");
        assertThat(total.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(total.sql()).contains("FROM enrollments e").doesNotContain("enrolled");
        assertThat(ChatFixtures.query("university", total.sql(), 5).rows())
                .isEqualTo(rows("university", "SELECT count(*) FROM enrollments"));
    }
}
