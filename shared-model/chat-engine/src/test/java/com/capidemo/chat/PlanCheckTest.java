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
        // some customers have no orders: "each customer" alone could mean either, so only "all" is divided by all
        ChatAnswer unsaid = ask("On average, how many orders does each customer have?");
        assertThat(unsaid.outcome()).isEqualTo(ChatAnswer.DECLINED);
        ChatAnswer all = ask("On average, how many orders does each of all our customers have?");
        assertThat(all.outcome()).as(all.answer()).isEqualTo(ChatAnswer.PLANNED);
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

    @Test
    void howMuchIsNeverACountOfRecords() {
        ChatAnswer a = ask("telco", "How much have we billed by market?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.DECLINED);
        assertThat(a.answer()).contains("it asks how much, and I could only count");
    }

    @Test
    void aBreakdownTheQuestionAsksForIsNeverOneTotal() {
        // Without the check, the single total of the plans' data allowance answered it; the reading that groups
        // the data used by plan is chosen instead.
        ChatAnswer perPlan = ask("telco", "How much data was used per plan?");
        assertThat(perPlan.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(perPlan.columns()).contains("plan");
        assertThat(perPlan.sql()).contains("GROUP BY").doesNotContain("data_allowance_gb");
        ChatAnswer grouped = ask("healthcare", "How much was paid on claims for each insurance type?");
        assertThat(grouped.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(grouped.columns()).contains("insurance_type");
    }

    @Test
    void aGenericColumnWordBelongsToTheTableTheWordBeforeItNames() {
        // "visit type" is the type of the visits (a table above the paid claims), never the claims' insurance type
        // that "type" alone would match; a qualifier that is part of the column's own name keeps that column.
        ChatAnswer a = ask("healthcare", "For each visit type, what was the total paid amount?");
        assertThat(a.outcome()).as(a.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.columns()).contains("encounter_type").doesNotContain("insurance_type");
        List<List<Object>> expected = ChatFixtures.query(
                        "healthcare",
                        "SELECT e.encounter_type, round(sum(c.paid_amount), 2) FROM claims c"
                                + " JOIN encounters e ON e.encounter_id = c.encounter_id GROUP BY 1",
                        100)
                .rows();
        assertThat(ResultComparator.answers(expected, a.rows()))
                .as(a.rows().toString())
                .isTrue();
        ChatAnswer own = ask("healthcare", "What was the total paid amount by facility type?");
        assertThat(own.columns()).contains("facility_type");
    }

    private static ChatAnswer ask(String template, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(template), List.of(), q);
    }

    @Test
    void severalMeasuresInOneQuestionAreNotAnsweredWithOne() {
        ChatAnswer a = ask("telco", "How many invoices did we send and how much did we bill in total?");
        assertThat(a.answered()).as(a.answer()).isFalse();
        assertThat(a.answer()).contains("several measures");
    }

    @Test
    void aLearnedMeasureWhoseQualifierTheQuestionLacksIsDeclined() {
        ChatAnswer a = ask("manufacturing", "Which plant had the most downtime hours?");
        assertThat(a.answered()).as(a.answer()).isFalse();
        assertThat(a.answer()).contains("'unplanned' records only");
        // without the qualifier, the question's own words ("downtime" in hours) cover every downtime record
        ChatAnswer all = ask("manufacturing", "What is the total downtime in hours by reason category?");
        assertThat(all.answered()).as(all.answer()).isTrue();
        assertThat(all.sql())
                .contains("round(sum(md.duration_minutes) / 60.0, 1)")
                .doesNotContain("unplanned");
    }

    @Test
    void aValueThatAlsoNamesEveryRowOfTheTableIsDeclined() {
        // said of the guests themselves ("member tier guests"), not of bookings whose description says they are all
        // members' (that reading adds nothing)
        ChatAnswer a = ask("hospitality", "How many bookings did member tier guests make?");
        assertThat(a.answered()).as(a.answer()).isFalse();
        assertThat(a.answer()).contains("describes every row");
    }

    @Test
    void aListInParenthesesAfterAGroupingIllustratesTheGroupsAndDoesNotFilter() {
        assertThat(Planner.examples("Order value by shipping mode (parcel, LTL, truckload)?"))
                .isEqualTo("Order value by shipping mode ?");
        assertThat(Planner.examples("Order value by shipping mode (parcel and LTL only)?"))
                .contains("(parcel and LTL only)");
        assertThat(Planner.examples("Orders (web, pos) by month")).contains("(web, pos)");
    }

    @Test
    void aWordOfANamedTablesNameIsNotAlsoReadAsACondition() {
        ChatAnswer a = ask("logistics", "How much have we claimed from carriers for delivery problems?");
        if (a.answered()) {
            assertThat(a.sql()).doesNotContain("delivered_at").doesNotContain("'delivered'");
        }
    }

    @Test
    void aCountOfATableTheQuestionNeverNamesIsDeclined() {
        ChatAnswer a = ask("telco", "How many customers have churned?");
        if (a.answered()) {
            assertThat(a.sql()).doesNotContain("FROM plans");
        }
    }

    @Test
    void aColumnNamedByPartOfItsNameIsNotNarrowedToTheValueTheRestOfItsNameNames() {
        ChatAnswer a = ask("banking", "What is the total amount owed on mortgages?");
        if (a.answered()) {
            assertThat(a.sql()).doesNotContain("charged_off_amount");
        }
    }

    @Test
    void aGroupingNarrowedToOneValueOfItsOwnColumnIsDeclined() {
        ChatAnswer a = ask("banking", "What are the top 5 merchants by card spend at restaurants?");
        if (a.answered()) {
            assertThat(a.rows().size()).as(a.sql()).isGreaterThan(1);
        }
    }

    @Test
    void whichRecordRankedFirstIsNamedNotOnlyCounted() {
        ChatAnswer a = ask("healthcare", "Which hospital had the most inpatient stays?");
        if (a.answered()) {
            assertThat(a.columns().size()).as(a.sql()).isGreaterThan(1);
        }
    }

    @Test
    void theMostOfASingularNounIsAnAmountNotACountOfRecords() {
        for (String[] q : new String[][] {
            {"manufacturing", "Which machine had the most unplanned downtime?"},
            {"logistics", "Which warehouse holds the most inventory?"},
            {"telco", "Which subscriber had the most usage in 2025?"}
        }) {
            ChatAnswer a = ask(q[0], q[1]);
            if (a.answered()) {
                assertThat(a.sql()).as(q[1]).doesNotContain("count(*)");
            }
        }
        ChatAnswer plural = ask("manufacturing", "Which machine had the most downtime events?");
        assertThat(plural.answered()).as(plural.answer()).isTrue();
    }

    @Test
    void aShareThatCountsWhatADefinedRateCountsIsTakenOverTheRecordsTheDefinitionNames() {
        // "delinquency rate = delinquent active loans / active loans": the share of mortgages that are delinquent is
        // that rate, over active mortgages only, never over every mortgage ever written
        ChatAnswer share = ask("banking", "What share of mortgages are delinquent?");
        if (share.answered()) {
            assertThat(share.sql()).contains("paid_off");
        }
        ChatAnswer named = ask("banking", "What is the delinquency rate of mortgages?");
        assertThat(named.answered()).as(named.answer()).isTrue();
        ChatAnswer other = ask("banking", "What share of delinquent loans are mortgages?");
        assertThat(other.answered()).as(other.answer()).isTrue();
    }
}
