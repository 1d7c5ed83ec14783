package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readings that answered another breakdown or another measure than the one asked: "each X" grouped by something else,
 * a total of money counted, a per-period price summed over every record, and a category ranked for the records it
 * classifies.
 */
class BreakdownGuardsTest {

    private static ChatAnswer ask(String template, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(template), List.of(), q);
    }

    @Test
    void eachXIsOneFigurePerXNeverAnotherBreakdown() {
        // "customer" is also a cancel reason, "cancel" the cancel_reason column: grouped by reason, the customer lost
        for (String[] q : new String[][] {
            {"shopify", "How many orders did each customer cancel?"},
            {"saas", "How many subscriptions did each account cancel?"},
            {"hospitality", "How many bookings did each guest cancel?"}
        }) {
            ChatAnswer a = ask(q[0], q[1]);
            assertThat(a.outcome()).as(q[1] + " " + a.sql()).isNotEqualTo(ChatAnswer.PLANNED);
        }
        // a table's word that only modifies the phrase's head ("each academic rank") is no entity of its own
        ChatAnswer rank = ask("university", "How many instructors hold each academic rank?");
        assertThat(rank.outcome()).as(rank.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(rank.sql()).contains("GROUP BY i.rank");
        ChatAnswer placed = ask("shopify", "How many orders did each customer place?");
        assertThat(placed.outcome()).as(placed.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(placed.sql()).contains("c.customer_id");
    }

    @Test
    void aTotalOfMoneyIsNeverACountOfRecords() {
        for (String[] q : new String[][] {
            {"university", "What is the total aid by program?"},
            {"university", "What is the total financial aid by program?"},
            {"banking", "What is the total loan amount by branch?"}
        }) {
            ChatAnswer a = ask(q[0], q[1]);
            if (a.outcome().equals(ChatAnswer.PLANNED)) {
                assertThat(a.sql()).as(q[1]).containsPattern("sum\\(").doesNotContain("count(*)");
            }
        }
        assertThat(ask("university", "What is the total aid by program?").outcome())
                .isNotEqualTo(ChatAnswer.PLANNED);
        // claims are records, not money: their total stays a count
        ChatAnswer claims = ask("healthcare", "What is the total claims by insurance type?");
        assertThat(claims.outcome()).as(claims.answer()).isEqualTo(ChatAnswer.PLANNED);
    }

    @Test
    void theLexiconTellsMoneyFromRecordsThatInvolveMoney() {
        assertThat(Lexicon.moneyNoun("financial aid")).isTrue();
        assertThat(Lexicon.moneyNoun("refunds")).isTrue();
        assertThat(Lexicon.moneyNoun("payment")).isTrue();
        assertThat(Lexicon.moneyNoun("loan")).isFalse();
        assertThat(Lexicon.moneyNoun("subscription")).isFalse();
        assertThat(Lexicon.moneyNoun("order")).isFalse();
        assertThat(Lexicon.moneyNoun("claim")).isFalse();
    }

    @Test
    void aPricePerPeriodIsNeverSummedOverEveryRecord() {
        // subscription_events hold the monthly price after each event: their sum is no revenue
        ChatAnswer media = ask("media", "What is our total monthly revenue?");
        assertThat(media.outcome()).as(media.sql()).isNotEqualTo(ChatAnswer.PLANNED);
        assertThat(media.answer()).contains("amount per period");
        // one price per record, grouped by its own records, stays answered
        ChatAnswer fee = ask("telco", "Which plan has the highest monthly fee?");
        assertThat(fee.outcome()).as(fee.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(fee.sql()).contains("monthly_fee");
    }

    @Test
    void eachMerchantIsNotEachMerchantCategory() {
        for (String q : List.of("How much did we spend at each merchant?", "What is card spend by merchant?")) {
            ChatAnswer a = ask("banking", q);
            assertThat(a.outcome()).as(q + " " + a.sql()).isNotEqualTo(ChatAnswer.PLANNED);
            assertThat(a.answer()).contains("merchant category");
        }
        ChatAnswer category = ask("banking", "What is card spend by merchant category?");
        assertThat(category.outcome()).as(category.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(category.sql()).contains("GROUP BY t.merchant_category");
    }
}
