package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several measures in one question: one row per group, one column per measure, or a decline. */
class MeasureListTest {

    private ChatAnswer ask(String template, String q) {
        AgentSpec spec = ChatFixtures.agentSpec(template);
        return ChatFixtures.agent().answer(spec, List.of(), q);
    }

    @Test
    void splitsTheSharedGroupingAndOneClausePerMeasure() {
        MeasureList.Split s = MeasureList.split("For each warehouse, how many shipments went out, what was the total "
                + "freight cost and the average freight cost per shipment?");
        assertThat(s.grouping()).isEqualTo("For each warehouse");
        assertThat(s.clauses())
                .containsExactly(
                        "how many shipments went out",
                        "what was the total freight cost",
                        "the average freight cost per shipment");
        assertThat(s.question(1)).isEqualTo("For each warehouse, what was the total freight cost");
        assertThat(MeasureList.split("How many shipments went out by warehouse?"))
                .isNull();
        assertThat(MeasureList.split("What is the total freight cost of parcel and LTL shipments?"))
                .isNull();
    }

    @Test
    void answersEachMeasureAsItsOwnColumnInTheOrderAsked() {
        String grouping = "For each warehouse, ";
        ChatAnswer all = ask(
                "logistics",
                grouping + "how many shipments went out, what was the total freight cost and the average freight "
                        + "cost per shipment?");
        assertThat(all.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(all.columns())
                .containsExactly("warehouse", "warehouse_id", "shipments", "total_freight_cost", "avg_freight_cost");
        assertThat(all.answer()).contains("number of shipments").contains("freight cost");
        List<String> clauses =
                List.of("how many shipments went out", "what was the total freight cost", "the average freight cost");
        for (int i = 0; i < clauses.size(); i++) {
            ChatAnswer one = ask("logistics", grouping + clauses.get(i));
            assertThat(one.outcome()).as(clauses.get(i)).isEqualTo(ChatAnswer.PLANNED);
            assertThat(one.rows()).hasSameSizeAs(all.rows());
            for (List<Object> row : one.rows()) {
                int col = 2 + i;
                assertThat(all.rows())
                        .as(clauses.get(i))
                        .anySatisfy(r -> assertThat(List.of(r.get(0), r.get(1), r.get(col)))
                                .isEqualTo(row));
            }
        }
        // the chart plots the first measure asked
        assertThat(String.valueOf(all.chart())).contains("shipments");
    }

    @Test
    void declinesWhenAClauseDoesNotFitTheOthers() {
        // "how much … in total" read as a count is not an amount
        assertThat(ask(
                                "telco",
                                "For each plan, how many bills did we send, how much did we bill in total and what "
                                        + "share of bills were written off?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
        // "completed" narrows only the first clause: the others would count other records
        assertThat(ask(
                                "manufacturing",
                                "For each plant, how many work orders were completed, how many good parts and how "
                                        + "many scrapped parts?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
        // the period of the first clause is not the second's: never answered with one of the two measures
        assertThat(ask("shopify", "How many orders did we get in 2024 and what was the total revenue?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void countsTheRecordsTheOtherClausesMeasureWhenAClauseOnlyNamesThem() {
        // "how many visits were there" does not plan alone (visits also names a learned count); beside totals of the
        // visits' claims it counts the visits those totals cover, per visit type
        ChatAnswer all = ask(
                "healthcare",
                "For each visit type, how many visits were there and what were the total billed and total paid "
                        + "amounts?");
        assertThat(all.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(all.columns()).hasSize(4).startsWith("encounter_type");
        assertThat(all.sql()).contains("count(DISTINCT e.encounter_id)");
        ChatAnswer claims = ask("healthcare", "For each visit type, how many claims were there?");
        assertThat(claims.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(all.rows()).hasSameSizeAs(claims.rows());
        for (List<Object> row : claims.rows()) {
            assertThat(all.rows())
                    .anySatisfy(r -> assertThat(List.of(r.get(0), r.get(1))).isEqualTo(row));
        }
        // a clause with a word that names no table ("cancelled") is not just the records: still declined
        assertThat(ask(
                                "healthcare",
                                "For each visit type, how many cancelled visits were there and what were the total "
                                        + "billed amounts?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void splitsAListOfMeasureNounsSharingWhatFollowsTheLast() {
        MeasureList.Split s = MeasureList.nouns("For each brand, what were rooms sold, occupancy and ADR in 2024?");
        assertThat(s.grouping()).isEqualTo("For each brand");
        assertThat(s.clauses())
                .containsExactly(
                        "what were rooms sold in 2024", "what were occupancy in 2024", "what were ADR in 2024");
        // a noun before the last with words of its own is no list of measures
        assertThat(MeasureList.nouns("What was revenue from shoes and bags in 2024?"))
                .isNull();
        assertThat(MeasureList.nouns("What was ADR in 2024?")).isNull();
    }

    @Test
    void answersAListOfMeasureNounsOneColumnPerMeasure() {
        ChatAnswer all = ask("hospitality", "For each brand, what were rooms sold, occupancy and ADR in 2024?");
        assertThat(all.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(all.columns()).containsExactly("brand", "total_rooms_sold", "occupancy", "adr");
        // "rooms sold" alone names no aggregate; beside occupancy, which adds rooms_sold up, it is their total
        List<String> clauses =
                List.of("what was the total rooms sold in 2024", "what was occupancy in 2024", "what was ADR in 2024");
        for (int i = 0; i < clauses.size(); i++) {
            ChatAnswer one = ask("hospitality", "For each brand, " + clauses.get(i));
            assertThat(one.outcome()).as(clauses.get(i)).isEqualTo(ChatAnswer.PLANNED);
            assertThat(one.rows()).hasSameSizeAs(all.rows());
            int col = 1 + i;
            for (List<Object> row : one.rows()) {
                assertThat(all.rows())
                        .as(clauses.get(i))
                        .anySatisfy(
                                r -> assertThat(List.of(r.get(0), r.get(col))).isEqualTo(row));
            }
        }
        // a bare column beside no ratio that sums it stays undecided
        assertThat(ask("hospitality", "For each brand, what were rooms sold and rooms available in 2024?")
                        .outcome())
                .isEqualTo(ChatAnswer.DECLINED);
    }

    @Test
    void aListOfMeasureNounsIsNeverAnsweredWithOneOfThem() {
        // answered before with gross revenue alone, "customers" dropped
        ChatAnswer a = ChatFixtures.agent()
                .answer(ChatFixtures.agentSpec("shopify"), List.of(), "What were the customers and revenue in 2024?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.DECLINED);
        ChatAnswer b = ChatFixtures.agent()
                .answer(
                        ChatFixtures.agentSpec("manufacturing"),
                        List.of(),
                        "For each plant, what were work orders and scrap rate in 2024?");
        assertThat(b.outcome()).isEqualTo(ChatAnswer.DECLINED);
        // both measures planned: one table with both
        ChatAnswer c = ChatFixtures.agent()
                .answer(
                        ChatFixtures.agentSpec("healthcare"),
                        List.of(),
                        "What were claims and denial rate by payer in 2024?");
        assertThat(c.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(c.columns()).hasSizeGreaterThanOrEqualTo(3);
    }
}
