package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which rows a measure is over: the population of a rate, the date a column is placed in time by, a word the data's
 * own descriptions give to a table, an average asked for but not computed, and a measure the golden queries and the
 * system instruction define differently.
 */
class PlanScopeTest {

    private ChatAnswer ask(String dataset, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(dataset), List.of(), q);
    }

    @Test
    void aPhraseAfterTheSubjectOfAShareNarrowsTheWholeNotThePartCounted() {
        ChatAnswer a = ask("airline", "What percentage of flights on international routes were diverted?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql())
                .contains("FILTER (WHERE f.status = 'diverted')")
                .contains("WHERE r.route_type = 'international'");
    }

    @Test
    void theConditionsAfterTheSubjectOfANamedRateAreItsPopulation() {
        ChatAnswer a = ask("university", "What is the admit rate for applicants from the Midwest?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql())
                .contains("FILTER (WHERE a.decision = 'admitted')")
                .contains("WHERE a.applicant_region = 'Midwest'");
    }

    @Test
    void aWordTheDataDescribesAsPartOfOneTableIsNotReplacedByAnotherTablesName() {
        // crew_members: "Pilots and flight attendants"; WordNet derives "flight" from pilot
        ChatAnswer a = ask("airline", "How many pilots are there?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.DECLINED);
        assertThat(a.answer()).contains("\"pilots\"");
    }

    @Test
    void anAverageAskedForIsNeverAnsweredWithADefaultCount() {
        ChatAnswer a = ask("banking", "What's the average loan for each type of loan?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.DECLINED);
        assertThat(a.answer()).contains("average");
    }

    @Test
    void aColumnIsPlacedInTimeByTheDateTheLearnedMeasuresOverItUse() {
        ChatAnswer a = ask("manufacturing", "How many good parts did we make in 2023?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("wo.actual_end >= TIMESTAMP '2023-01-01'").doesNotContain("planned_start");
    }

    @Test
    void aMeasureTheInstructionDefinesWithFewerValuesThanTheGoldenQueryIsTheInstructions() {
        // the business definitions are the ones the system instruction states (NamedRatiosTest)
        ChatAnswer a = ask("healthcare", "What's the denial rate by insurance type?");
        assertThat(a.outcome()).as(a.answer()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).doesNotContain("appealed").contains("<> 'pending'");
    }
}
