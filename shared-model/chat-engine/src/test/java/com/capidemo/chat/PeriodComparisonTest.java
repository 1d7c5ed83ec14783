package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Halves of a year, "the same months of" another year and "did we get more … than …" as period comparisons. */
class PeriodComparisonTest {

    private static TimeParser.Result parse(String q) {
        return TimeParser.parse(Words.tokenize(q), new BitSet());
    }

    private ChatAnswer ask(String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec("shopify"), List.of(), q);
    }

    @Test
    void halvesOfAYear() {
        TimeParser.Range h1 =
                parse("revenue in the first half of 2025").ranges().get(0);
        assertThat(h1.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(h1.to()).isEqualTo(LocalDate.of(2025, 7, 1));
        TimeParser.Range h2 = parse("orders in H2 2024").ranges().get(0);
        assertThat(h2.from()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(h2.to()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(parse("the first order of each customer").ranges()).isEmpty();
    }

    @Test
    void theSameMonthsOfAnotherYear() {
        List<TimeParser.Range> r = parse("orders in January to October 2025 than in the same months of 2024")
                .ranges();
        assertThat(r).hasSize(2);
        assertThat(r.get(1).from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(r.get(1).to()).isEqualTo(LocalDate.of(2024, 11, 1));
        // a plain year stays the whole year
        assertThat(parse("orders in January to October 2025 compared with 2024")
                        .ranges()
                        .get(1)
                        .to())
                .isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void didWeGetMoreThanComparesTwoCounts() {
        assertThat(Planner.moreThan("Did we get more orders in 2025 than in 2024?"))
                .isEqualTo("How many orders in 2025 did we get compared with in 2024?");
        assertThat(Planner.moreThan("How many orders did we get in 2025?")).isNull();
        ChatAnswer a = ask("Did we get more orders in January to October 2025 than in the same months of 2024?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        ChatAnswer earlier = ask("How many orders did we get in January to October 2024?");
        ChatAnswer later = ask("How many orders did we get in January to October 2025?");
        assertThat(a.rows().get(0).subList(0, 2))
                .containsExactly(
                        earlier.rows().get(0).get(0), later.rows().get(0).get(0));
        ChatAnswer half = ask("How did gross revenue in the first half of 2025 compare with the first half of 2024?");
        assertThat(half.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(half.columns()).startsWith("h1_2024", "h1_2025", "change", "change_pct");
    }

    @Test
    void anOrdinalQuarterWithoutAYearIsTheOtherPeriodsYear() {
        List<TimeParser.Range> r = parse("card spend in the third quarter of 2025 compared with the second quarter")
                .ranges();
        assertThat(r).hasSize(2);
        assertThat(r.get(1).from()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(r.get(1).to()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(parse("orders in H1 2024 vs the second half").ranges().get(1).from())
                .isEqualTo(LocalDate.of(2024, 7, 1));
        // no comparison word, or "the last quarter": no second period
        assertThat(parse("orders in Q3 2025 from customers who joined in the first quarter")
                        .ranges())
                .hasSize(1);
        assertThat(parse("orders in Q3 2025 compared with the last quarter").ranges())
                .hasSizeLessThan(2);
        for (String[] q : new String[][] {
            {
                "shopify",
                "How many orders did we get in Q3 2025 compared with the second quarter?",
                "How many orders did we get in Q3 2025 compared with Q2 2025?"
            },
            {
                "telco",
                "How many lines were activated in the second quarter of 2025 compared to the first quarter?",
                "How many lines were activated in the second quarter of 2025 compared to the first quarter of 2025?"
            }
        }) {
            ChatAnswer a = ChatFixtures.agent().answer(ChatFixtures.agentSpec(q[0]), List.of(), q[1]);
            ChatAnswer b = ChatFixtures.agent().answer(ChatFixtures.agentSpec(q[0]), List.of(), q[2]);
            assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
            assertThat(a.rows()).isEqualTo(b.rows());
        }
    }
}
