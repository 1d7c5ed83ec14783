package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rates and ratios the system instruction defines, and named rates never answered with a plain count. */
class RateDefinitionTest {

    private ChatAnswer ask(AgentSpec spec, String q) {
        return ChatFixtures.agent().answer(spec, List.of(), q);
    }

    private static boolean same(String template, String expectedSql, ChatAnswer a) {
        return ResultComparator.answers(
                ChatFixtures.query(template, expectedSql, 100).rows(), a.rows());
    }

    @Test
    void aRateOfRecordsCountsTheNumeratorsRecordsAmongTheDenominators() {
        // "delinquency rate = delinquent active loans / active loans"
        ChatAnswer a = ask(ChatFixtures.agentSpec("banking"), "What is our loan delinquency rate?");
        assertThat(a.outcome()).as(a.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("FILTER (WHERE l.status IN ('late_30', 'late_60', 'late_90')");
        assertThat(a.answer()).contains("as the system instruction defines it");
        assertThat(same(
                        "banking",
                        "SELECT round(100.0 * count(*) FILTER (WHERE status IN ('late_30', 'late_60', 'late_90'))"
                                + " / count(*), 1) FROM loans WHERE status NOT IN ('paid_off', 'charged_off')",
                        a))
                .as(a.sql())
                .isTrue();
    }

    @Test
    void aRatioOfColumnsIsTheRatioOfTheirSums() {
        // "Collection rate = paid_amount / allowed_amount": two amounts, a percentage
        ChatAnswer a = ask(ChatFixtures.agentSpec("healthcare"), "What is our collection rate by payer?");
        assertThat(a.outcome()).as(a.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("100.0 * sum(c.paid_amount) / sum(c.allowed_amount)");
        assertThat(same(
                        "healthcare",
                        "SELECT payer, round(100.0 * sum(paid_amount) / sum(allowed_amount), 1) FROM claims GROUP BY 1",
                        a))
                .as(a.sql())
                .isTrue();
        // "Occupancy = sum(rooms_sold) / sum(rooms_available) from daily_performance", placed in time by its date
        ChatAnswer o = ask(ChatFixtures.agentSpec("hospitality"), "What was our occupancy by year?");
        assertThat(o.outcome()).as(o.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(same(
                        "hospitality",
                        "SELECT year(stay_date), round(100.0 * sum(rooms_sold) / sum(rooms_available), 1)"
                                + " FROM daily_performance GROUP BY 1 ORDER BY 1",
                        o))
                .as(o.sql())
                .isTrue();
    }

    @Test
    void aNamedRateIsNotAnsweredWithACount() {
        AgentSpec banking = ChatFixtures.agentSpec("banking");
        // the same definition in words the agent cannot plan as a ratio: no measure of that name
        String instruction = banking.systemInstruction()
                .replace(
                        "delinquency rate = delinquent active loans / active loans",
                        "delinquency rate = the share, of active loans, that are delinquent");
        assertThat(instruction).isNotEqualTo(banking.systemInstruction());
        AgentSpec undefined = new AgentSpec(
                banking.demoId(),
                banking.tenantId(),
                banking.datasetId(),
                banking.tables(),
                instruction,
                banking.goldenQueries());
        ChatAnswer a = ask(undefined, "What is the delinquency rate by loan type?");
        assertThat(a.outcome()).as(a.sql()).isEqualTo(ChatAnswer.DECLINED);
    }
}
