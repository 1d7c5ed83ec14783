package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readings that used to give a confident wrong number: widening phrases read as filters, values set side by side
 * summed into one figure, shares read the wrong way round, a learned definition on one side of a percentage only,
 * states at a moment read as ranges, a measure column present in two joined tables and a value that only looks like
 * the word typed.
 */
class AnswerGuardsTest {

    private static ChatAnswer ask(String template, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(template), List.of(), q);
    }

    private static List<List<Object>> rows(String template, String sql) {
        return ChatFixtures.query(template, sql, 50).rows();
    }

    @Test
    void aWideningPhraseCountsTheRowsWithTheRestInsteadOfFilteringThem() {
        List<List<Object>> all = rows(
                "shopify",
                "SELECT count(*) FROM orders WHERE created_at >= TIMESTAMP '2024-01-01'"
                        + " AND created_at < TIMESTAMP '2025-01-01'");
        for (String q : List.of(
                "How many orders were placed in 2024, including cancelled ones?",
                "How many orders were placed in 2024, even cancelled ones?",
                "How many orders were placed in 2024, incl. cancelled orders?")) {
            ChatAnswer a = ask("shopify", q);
            assertThat(a.answered()).as(q + ": " + a.answer()).isTrue();
            assertThat(a.sql()).as(q).doesNotContain("cancelled_at");
            assertThat(ResultComparator.answers(all, a.rows()))
                    .as(q + " " + a.rows())
                    .isTrue();
        }
        // "as well as" may add the records or require them too: declined rather than read either way
        ChatAnswer pair = ask("shopify", "How many orders were placed in 2024 as well as cancelled ones?");
        assertThat(pair.answered()).as(pair.sql()).isFalse();
        assertThat(pair.answer()).contains("may add those records");
    }

    @Test
    void twoValuesOfOneColumnSetSideBySideAreOneFigurePerValue() {
        ChatAnswer a = ask("telco", "How much data do prepaid and postpaid subscribers use in total?");
        assertThat(a.answered()).as(a.answer()).isTrue();
        assertThat(a.sql()).contains("GROUP BY p.plan_type").contains("IN ('prepaid', 'postpaid')");
        assertThat(a.rows()).hasSize(2);
        ChatAnswer versus = ask("saas", "How much was invoiced for card versus ACH invoices?");
        if (versus.answered()) {
            assertThat(versus.rows()).as(versus.sql()).hasSize(2);
        }
        ChatAnswer combined = ask("saas", "How much was invoiced for card and ACH combined?");
        assertThat(combined.answered()).as(combined.answer()).isTrue();
        assertThat(combined.rows()).hasSize(1);
        assertThat(combined.sql()).doesNotContain("GROUP BY");
    }

    @Test
    void twoValuesOfOneColumnNotListedTogetherAreNeverMergedIntoOneCondition() {
        ChatAnswer a = ask("saas", "What share of invoices paid by card ended up uncollectible?");
        assertThat(a.answered()).as(a.sql()).isFalse();
        ChatAnswer paidByCard = ask("saas", "How many invoices were paid by card?");
        assertThat(paidByCard.answered()).as(paidByCard.sql()).isFalse();
        assertThat(paidByCard.answer()).contains("how the records were handled");
    }

    @Test
    void aGroupedShareOfQualifiedRowsIsTheRateWithinEachGroupOrDeclined() {
        ChatAnswer ranked = ask("saas", "Which payment method has the highest share of uncollectible invoices?");
        assertThat(ranked.answered()).as(ranked.sql()).isFalse();
        assertThat(ranked.answer()).contains("share of each group's records");
        ChatAnswer rate = ask("saas", "What share of invoices were uncollectible, by payment method?");
        assertThat(rate.answered()).as(rate.answer()).isTrue();
        assertThat(rate.sql()).contains("count(*) FILTER (WHERE i.status = 'uncollectible') / count(*)");
        ChatAnswer split = ask("shopify", "What share of revenue came from each channel?");
        assertThat(split.answered()).as(split.answer()).isTrue();
    }

    @Test
    void aPercentageWhosePartKeepsConditionsItsWholeDoesNotIsDeclined() {
        ChatAnswer a = ask("shopify", "What share of customers who ordered are repeat customers?");
        assertThat(a.answered()).as(a.sql()).isFalse();
        assertThat(a.answer()).contains("the whole counts all of them");
    }

    @Test
    void aStateAtAMomentIsNeverARangeOnADateColumn() {
        for (String q : List.of(
                "What was our MRR at the end of 2024 compared with the end of 2023?",
                "What was our MRR as of June 2024?",
                "How many active subscriptions did we have at the start of 2025?")) {
            ChatAnswer a = ask("saas", q);
            assertThat(a.answered()).as(q + ": " + a.sql()).isFalse();
            assertThat(a.answer()).contains("state at one moment");
        }
        assertThat(Planner.pointInTime(Words.tokenize("orders placed by the end of the day shift")))
                .isEqualTo("end of");
        assertThat(Planner.pointInTime(Words.tokenize("How many orders ended in 2024?")))
                .isNull();
    }

    @Test
    void endedUpSaysWhatTheRecordsBecameNotAnEndDate() {
        List<Words.Token> t = Planner.endedUp(Words.tokenize("invoices that ended up uncollectible"));
        assertThat(t.stream().map(Words.Token::text).toList())
                .containsExactly("invoices", "that", "were", "uncollectible");
    }

    @Test
    void aMeasureColumnInTwoJoinedTablesIsDeclinedUnlessItsTableIsNamed() {
        // flights and aircraft both hold seat_capacity; without the check the flights' column was summed by type
        ChatAnswer a = ask("airline", "What was the total seat capacity by aircraft type in 2024?");
        assertThat(a.answered()).as(a.sql()).isFalse();
        ChatAnswer named = ask("airline", "What was the total seat capacity of flights by aircraft type in 2024?");
        assertThat(named.answered()).as(named.answer()).isTrue();
        assertThat(named.sql()).contains("sum(f.seat_capacity)");
    }

    @Test
    void aValueThatOnlyLooksLikeTheWordTypedIsNotACondition() {
        ChatAnswer a = ask("telco", "How many customers are on prepaid plans?");
        assertThat(a.answered()).as(a.sql()).isFalse();
        ChatAnswer family = ask("media", "How many cancellations came from subscribers of each acquisition channel?");
        assertThat(family.answered()).as(family.answer()).isTrue();
        assertThat(family.sql()).contains("'cancel'");
    }

    @Test
    void aGroupedShareOfALearnedCountOfSomeRecordsIsNotTheirSplitAcrossTheGroups() {
        // the golden queries learn "failed attempts" as a count of some payments only: the share of each method's
        // payments that failed is not how the failed ones split across the methods
        for (String q : List.of(
                "Which payment method has the highest share of failed attempts?",
                "What share of payment attempts failed for each payment method?")) {
            ChatAnswer a = ask("shopify", q);
            assertThat(a.answered()).as(q + ": " + a.sql()).isFalse();
            assertThat(a.answer()).as(q).contains("share of each group's records");
        }
        // said with the table's own records, it is the rate within each method
        ChatAnswer rate = ask("shopify", "What percentage of payments failed for each payment method?");
        assertThat(rate.answered()).as(rate.answer()).isTrue();
        assertThat(rate.sql())
                .contains("FILTER (WHERE p.status = 'failure') / count(*)")
                .doesNotContain("OVER ()");
    }

    @Test
    void aSumTheInstructionDefinesOverSomeRecordsOnlyKeepsToThem() {
        // "Credit hours = sum(enrollments.credit_hours) of enrolments not withdrawn."
        List<List<Object>> expected = rows(
                "university",
                "SELECT c.term, sum(e.credit_hours) FROM enrollments e JOIN courses c ON c.course_id = e.course_id"
                        + " WHERE NOT e.withdrawn GROUP BY 1");
        ChatAnswer a = ask("university", "How many credit hours were taken in each term?");
        assertThat(a.answered()).as(a.answer()).isTrue();
        assertThat(a.sql()).contains("e.withdrawn = false");
        assertThat(ResultComparator.answers(expected, a.rows()))
                .as(a.rows().toString())
                .isTrue();
        // another aggregate of the defined column may or may not keep to those records
        ChatAnswer average = ask("university", "What is the average credit hours per enrollment?");
        assertThat(average.answered()).as(average.sql()).isFalse();
        assertThat(average.answer()).contains("credit hours is defined in this demo");
    }

    @Test
    void aStateSaidOfTheCountedRecordsIsTheirOwnFlagNotAnotherTablesValue() {
        // enrollments have a withdrawn flag; students have enrollment_status 'withdrawn'
        ChatAnswer own = ask("university", "How many enrollments were withdrawn?");
        assertThat(own.answered()).as(own.answer()).isTrue();
        assertThat(own.sql()).contains("e.withdrawn = true").doesNotContain("enrollment_status");
        assertThat(own.rows()).isEqualTo(rows("university", "SELECT count(*) FROM enrollments WHERE withdrawn"));
        // right before the students' noun it is the students' status
        ChatAnswer theirs = ask("university", "How many enrollments do withdrawn students have?");
        assertThat(theirs.answered()).as(theirs.answer()).isTrue();
        assertThat(theirs.sql()).contains("s.enrollment_status = 'withdrawn'");
    }

    @Test
    void aVerbSaidOfRecordsWhoseFlagTheDefinitionsLeaveOutMustBindToIt() {
        // the instruction counts credit hours of enrolments not withdrawn: "taken" may leave withdrawn ones out too
        ChatAnswer a = ask("university", "What is the average grade points of courses taken online?");
        assertThat(a.answered()).as(a.sql()).isFalse();
        assertThat(a.answer()).contains("\"taken\" may leave out the enrollments");
        ChatAnswer count = ask("university", "How many enrollments were taken?");
        assertThat(count.answered()).as(count.sql()).isFalse();
        // without such a verb the question is about all of them
        ChatAnswer plain = ask("university", "What is the average grade points by modality?");
        assertThat(plain.answered()).as(plain.answer()).isTrue();
        assertThat(plain.sql()).doesNotContain("withdrawn");
        // "On-time departure = … of flights not cancelled": operated flights may leave cancelled ones out
        ChatAnswer operated = ask("airline", "How many flights did we operate in 2025?");
        assertThat(operated.answered()).as(operated.sql()).isFalse();
        assertThat(operated.answer()).contains("exclude (cancelled)");
        // also when the lexicon reads the verb as the records' own name ("flown" → flights)
        ChatAnswer flown = ask("airline", "How many flights were flown in 2025?");
        assertThat(flown.answered()).as(flown.sql()).isFalse();
        assertThat(flown.answer()).contains("\"flown\" may leave out");
        ChatAnswer cancelled = ask("airline", "How many flights were cancelled in 2025?");
        assertThat(cancelled.answered()).as(cancelled.answer()).isTrue();
    }

    @Test
    void aColumnThatIsItselfARateIsNeverAddedUp() {
        // "For each brand, what was ADR in 2024?" is the ratio the system instruction defines (NamedRatiosTest)
        for (String q : List.of("What was the total ADR of bookings in 2024?")) {
            ChatAnswer a = ask("hospitality", q);
            assertThat(a.outcome()).as(q + ": " + a.sql()).isEqualTo(ChatAnswer.DECLINED);
            assertThat(a.answer()).containsAnyOf("itself a rate or average", "cannot relate bookings");
        }
    }

    @Test
    void aColumnOfYearsIsNeverAddedUpAsAnAmount() {
        for (String q : List.of("What is the total opened of facilities?", "How much did facilities open in total?")) {
            ChatAnswer a = ask("healthcare", q);
            assertThat(a.outcome()).as(q + ": " + a.sql()).isEqualTo(ChatAnswer.DECLINED);
            assertThat(a.answer()).contains("years, dates or identifiers");
        }
    }

    @Test
    void theRecordsAQuestionRanksAreNotTheirCategory() {
        ChatAnswer merchants = ask("banking", "What are the top 5 merchants by card spend?");
        assertThat(merchants.outcome()).as(merchants.sql()).isEqualTo(ChatAnswer.DECLINED);
        assertThat(merchants.answer()).contains("rank categories");
        ChatAnswer categories = ask("banking", "Which merchant categories had the most card spend?");
        assertThat(categories.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(categories.columns()).contains("merchant_category");
    }

    @Test
    void theMostCommonValueIsNeverTheLargestNumberNorOneTotal() {
        // max(quantity) and a count of all orders / episodes answered these before
        for (String[] q : new String[][] {
            {"shopify", "What is the most common quantity ordered?"},
            {"shopify", "What is the most common order total?"},
            {"media", "What's the most common episode count we find in titles?"}
        }) {
            ChatAnswer a = ask(q[0], q[1]);
            assertThat(a.outcome()).as(q[1] + " " + a.sql()).isEqualTo(ChatAnswer.DECLINED);
            assertThat(a.answer()).contains("asks for the value met most often");
        }
        // the most common value of a category is still counted per value
        ChatAnswer category = ask("shopify", "What is the most common reason for a refund?");
        assertThat(category.outcome()).as(category.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(category.sql()).contains("count(").contains("GROUP BY");
    }

    @Test
    void eachEntityIsNeverOneTotalAndTheMainVerbIsNoState() {
        // one total of the tickets whose status is 'open' answered this before: "open" is what subscribers did
        ChatAnswer telco = ask("telco", "How many tickets did each business subscriber open?");
        assertThat(telco.outcome()).as(telco.sql()).isEqualTo(ChatAnswer.DECLINED);
        assertThat(telco.answer()).contains("\"open\" is what the subscriber did");
        // "each <value words> <entity>" with one total of all records
        for (String[] q : new String[][] {
            {"media", "How many views did each premium subscriber have?"},
            {"healthcare", "How many claims did each inpatient encounter have?"}
        }) {
            ChatAnswer a = ask(q[0], q[1]);
            assertThat(a.outcome()).as(q[1] + " " + a.sql()).isEqualTo(ChatAnswer.DECLINED);
            assertThat(a.answer()).contains("it asks for one figure per");
        }
        // the state named as such is still a condition
        ChatAnswer open = ask("telco", "How many open tickets are there?");
        assertThat(open.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(open.sql()).contains("'open'");
    }

    @Test
    void aYesNoMarkNamedByOnlyPartOfItsNameDoesNotCountRecordsTheQuestionNeverNames() {
        // "purchases" is part of product_reviews.verified_purchase and "overdrafts" of accounts.overdraft_protection:
        // counting reviews or accounts with the mark answers another question
        assertThat(ask("shopify", "How many purchases did we get in 2024?").outcome())
                .isEqualTo(ChatAnswer.DECLINED);
        assertThat(ask("banking", "How many overdrafts did we have?").outcome()).isEqualTo(ChatAnswer.DECLINED);
        // the records named, or the whole mark said: still answered
        assertThat(ask("banking", "How many accounts have overdraft protection?")
                        .rows())
                .isEqualTo(rows("banking", "SELECT count(*) FROM accounts WHERE overdraft_protection"));
        assertThat(ask("airline", "How many hubs do we have?").rows())
                .isEqualTo(rows("airline", "SELECT count(*) FROM airports WHERE is_hub"));
    }

    @Test
    void theMostOfRecordsBelowTheCountedOnesIsNeverACountOfTheParentsThatHaveThem() {
        // counted the 14 aircraft with an unscheduled repair instead of the 201 repairs
        ChatAnswer most = ask("airline", "Which aircraft type had the most unscheduled repairs?");
        if (most.answered()) {
            assertThat(most.rows()).containsExactly(List.of("Embraer E175", 201L));
        }
        assertThat(most.sql() == null ? "" : most.sql()).doesNotContain("IN (SELECT");
        // counting the records themselves per type stays answered
        ChatAnswer each = ask("airline", "How many unscheduled repairs did each aircraft type have?");
        assertThat(each.answered()).as(each.answer()).isTrue();
        assertThat(each.rows().get(0).get(1)).isEqualTo(201L);
    }

    @Test
    void aWhichAnswerAlwaysNamesWhatTheQuestionAsksWhichOf() {
        // was grouped by each encounter, counting distinct patients, with no facility or provider in the answer
        for (String q : List.of(
                "Which facility sees the most patient encounters?", "Which provider sees the most patient visits?")) {
            ChatAnswer a = ask("healthcare", q);
            assertThat(a.sql() == null ? "" : a.sql()).as(q).doesNotContain("GROUP BY e.encounter_id");
        }
        // a which-answer grouped by the table it names stays answered
        ChatAnswer facility = ask("healthcare", "Which facility has the most visits?");
        assertThat(facility.answered()).as(facility.answer()).isTrue();
        assertThat(facility.columns()).contains("facility");
    }
}
