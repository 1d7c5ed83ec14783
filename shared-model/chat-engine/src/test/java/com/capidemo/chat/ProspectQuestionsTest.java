package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prospect evaluation: prospect questions the planner was not written against (chat/{template}-prospect.yml,
 * committed before the planner changed), asked through the local agent over real data. At least 85 % of each set
 * must be answered with the expected rows, none with different rows, and every decline must say why and offer three
 * questions it can answer.
 */
class ProspectQuestionsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shopify", "banking", "saas"})
    void atLeast85PercentCorrectAndNoWrongAnswer(String templateId) {
        ChatEvaluation.Report report = ChatEvaluation.run(templateId);
        System.out.println("prospect set " + templateId + "\n" + report.table());
        report.results().stream()
                .filter(r -> r.verdict() != ChatEvaluation.Verdict.CORRECT)
                .forEach(r -> System.out.println("  " + r.verdict() + " ["
                        + r.question().family() + "] " + r.question().question() + "\n   " + r.detail()));
        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(40);
        for (ChatEvaluation.Result r : report.results()) {
            if (!r.answer().answered()) {
                ChatAnswer a = r.answer();
                assertThat(a.sql()).as(r.question().question()).isNull();
                assertThat(a.rows()).as(r.question().question()).isEmpty();
                assertThat(a.followUpQuestions()).as(r.question().question()).hasSize(3);
                assertThat(a.answer())
                        .as(r.question().question())
                        .contains("can't answer")
                        .contains(a.followUpQuestions().get(0));
            }
        }
        assertThat(report.wrong())
                .as("answers with rows that differ from the expected SQL's")
                .isEmpty();
        assertThat(report.correctPercent()).as("correct (%)").isGreaterThanOrEqualTo(85.0);
    }

    @Test
    void everyFamilyOfTheIssueIsCoveredInEverySet() {
        for (String t : List.of("shopify", "banking", "saas")) {
            assertThat(ChatEvaluation.questions(t).stream()
                            .map(ChatEvaluation.Question::family)
                            .distinct())
                    .as(t)
                    .contains(
                            "join_path",
                            "ratio",
                            "entity_rank",
                            "first_event",
                            "duration",
                            "most_frequent",
                            "segment",
                            "aggregate",
                            "time_series");
        }
    }

    @Test
    void everyExpectedQueryRunsOnTheRealDataAndReturnsRows() {
        for (String t : List.of("shopify", "banking", "saas")) {
            for (ChatEvaluation.Question q : ChatEvaluation.questions(t)) {
                assertThat(ChatFixtures.query(t, q.sql(), 1000).rows())
                        .as(t + ": " + q.question())
                        .isNotEmpty();
            }
        }
    }
}
