package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Terms the system instruction defines: their words name the defined measure, or the question is declined. */
class DefinedTermsTest {

    private ChatAnswer ask(String template, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(template), List.of(), q);
    }

    @Test
    void aDefinedSumsNameIsThatSumOfItsColumn() {
        // "Written premium = sum(policies.annual_premium)": "written" names nothing else in the data
        ChatAnswer a = ask("insurance", "What was written premium in 2025?");
        assertThat(a.outcome()).as(a.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(ResultComparator.answers(
                        ChatFixtures.query(
                                        "insurance",
                                        "SELECT round(sum(annual_premium), 2) FROM policies"
                                                + " WHERE year(effective_date) = 2025",
                                        100)
                                .rows(),
                        a.rows()))
                .as(a.sql())
                .isTrue();
        // another aggregate of a defined sum is not guessed
        ChatAnswer avg = ask("insurance", "What is the average written premium?");
        assertThat(avg.outcome()).as(avg.sql()).isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void aDefinedTermNoMechanismAppliesIsDeclinedNotReadFromItsWords() {
        // "Paying account = account with a current subscription whose mrr > 0": "paying" read as paid invoices would
        // count something else
        for (String q :
                List.of("Which industry has the most paying accounts?", "How many paying accounts do we have?")) {
            ChatAnswer a = ask("saas", q);
            assertThat(a.outcome()).as(q + " " + a.sql()).isEqualTo(ChatAnswer.DECLINED);
        }
    }

    @Test
    void aDefinedTermThatAColumnHoldsForEachRowIsApplied() {
        // "Load factor = booked seats / seat capacity of a flight": flights.load_factor_pct holds it per flight
        ChatAnswer a = ChatFixtures.agent()
                .answer(ChatFixtures.agentSpec("airline"), List.of(), "What was our average load factor in 2025?");
        assertThat(a.answered()).as(a.answer()).isTrue();
        assertThat(a.rows())
                .isEqualTo(ChatFixtures.query(
                                "airline",
                                "SELECT round(avg(load_factor_pct), 2) FROM flights WHERE year(flight_date) = 2025",
                                1)
                        .rows());
    }
}
