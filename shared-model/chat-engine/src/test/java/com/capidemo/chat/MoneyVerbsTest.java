package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Questions that say what money did ("spend", "pay") rather than naming the amount column, on real template and
 * custom demo data: a value two columns hold on the same rows is one reading, a money word never adds up a column
 * that holds no money, and "by kind of X" is never answered with one total.
 */
class MoneyVerbsTest {

    private static ChatAnswer ask(String demo, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(demo), List.of(), q);
    }

    private static void answersLike(String demo, String q, String expectedSql) {
        ChatAnswer a = ask(demo, q);
        assertThat(a.answered()).as(q + ": " + a.answer()).isTrue();
        List<List<Object>> expected = ChatFixtures.query(demo, expectedSql, 50).rows();
        assertThat(ResultComparator.answers(expected, a.rows()))
                .as(q + " " + a.sql() + " " + a.rows())
                .isTrue();
    }

    @Test
    void aValueTwoColumnsHoldOnTheSameRowsIsOneReading() {
        // 'spa' is both a department and a category of the same folio charges
        answersLike(
                "hospitality",
                "How much did members spend at the spa in total?",
                "SELECT round(sum(amount), 2) FROM folio_charges WHERE department = 'spa'");
        answersLike(
                "hospitality",
                "What is the total amount of spa charges?",
                "SELECT round(sum(amount), 2) FROM folio_charges WHERE category = 'spa'");
    }

    @Test
    void theSameRowsAreCheckedOnTheData() {
        ChatEngine.Queries queries = (sql, max) -> ChatFixtures.query("hospitality", sql, max);
        SameRows hotels = SameRows.load(
                SchemaLoader.load(ChatFixtures.agentSpec("hospitality").tables(), java.util.Map.of(), queries),
                queries);
        assertThat(hotels.covers("folio_charges", "department", "category", "spa"))
                .isTrue();
        // 'food_beverage' is a department only: no category holds it, nothing is assumed
        assertThat(hotels.covers("folio_charges", "department", "category", "food_beverage"))
                .isFalse();
    }

    @Test
    void aMoneyWordNeverAddsUpAColumnThatHoldsNoMoney() {
        // "pay" is part of days_to_pay, which counts days: adding them up is not what customers paid
        ChatAnswer a = ask("utility", "How much did residential customers pay in 2024?");
        if (a.answered()) {
            assertThat(a.sql()).doesNotContain("days_to_pay");
        }
        answersLike(
                "logistics",
                "How much did we spend on freight in 2025?",
                "SELECT round(sum(freight_cost), 2) FROM shipments WHERE year(ship_date) = 2025");
    }

    @Test
    void aBreakdownByKindOfRecordsIsNeverOneTotal() {
        for (String q : List.of(
                "What is the total amount by kind of aid?", "What is the total aid amount for each sort of aid?")) {
            ChatAnswer a = ask("university", q);
            if (a.answered()) {
                assertThat(a.sql()).as(q).contains("GROUP BY");
            }
        }
    }

    @Test
    void aKindOfRecordsIsTheirTypeColumn() {
        answersLike(
                "university",
                "Which kind of financial aid do we spend the most money on?",
                "SELECT aid_type FROM financial_aid GROUP BY 1 ORDER BY sum(amount) DESC LIMIT 1");
        answersLike(
                "airline",
                "Which kind of maintenance cost us the most?",
                "SELECT maintenance_type FROM maintenance_events GROUP BY 1 ORDER BY sum(cost) DESC LIMIT 1");
    }

    @Test
    void aTypeOfTheWordAfterOfIsThatTablesType() {
        // "type of visit" is the visits' encounter type, never the claims' insurance type
        answersLike(
                "healthcare",
                "What is the total billed amount by kind of visit?",
                "SELECT e.encounter_type, round(sum(c.billed_amount), 2) FROM claims c"
                        + " JOIN encounters e ON e.encounter_id = c.encounter_id GROUP BY 1");
    }

    @Test
    void aTotalAmountIsNeverACountAndEachKindIsABreakdown() {
        ChatAnswer loans = ask("banking", "What's the total loan amount for each type of loan?");
        if (loans.answered()) {
            assertThat(loans.sql()).contains("sum(");
        }
        ChatAnswer orders = ask("manufacturing", "How many work orders of each kind were completed?");
        if (orders.answered()) {
            assertThat(orders.sql()).contains("GROUP BY");
        }
    }
}
