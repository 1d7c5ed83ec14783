package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.template.TemplateDefinition;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden question of every template, asked through the local agent, returns the golden SQL's rows. */
class GoldenQuestionsTest {

    static Stream<String> templates() {
        return ChatFixtures.catalog().all().stream().map(TemplateDefinition::templateId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyGoldenQuestionIsAnsweredWithTheRowsOfItsGoldenSql(String templateId) {
        AgentSpec spec = ChatFixtures.agentSpec(templateId);
        LocalChatAgent agent = ChatFixtures.agent();
        assertThat(spec.goldenQueries()).isNotEmpty();
        for (GoldenQuery g : spec.goldenQueries()) {
            ChatAnswer answer = agent.answer(spec, List.of(), g.question());
            assertThat(answer.outcome()).as(g.question()).isEqualTo(ChatAnswer.GOLDEN);
            assertThat(answer.sql()).as(g.question()).isEqualTo(g.sql().strip());
            // the golden SQL run on its own; a few runs for the odd golden query whose ties are not ordered (mode())
            QueryResult expected = null;
            boolean same = false;
            for (int attempt = 0; attempt < 3 && !same; attempt++) {
                expected = ChatFixtures.query(templateId, g.sql(), 1000);
                same = ResultComparator.sameRows(
                        expected.rows().subList(0, Math.min(100, expected.rows().size())), answer.rows());
            }
            assertThat(answer.columns()).as(g.question()).isEqualTo(expected.columns());
            assertThat(same)
                    .as(g.question() + " → " + answer.rows() + " vs " + expected.rows())
                    .isTrue();
            assertThat(answer.truncated()).isEqualTo(expected.rows().size() > 100);
            assertThat(answer.answer()).isNotBlank();
            assertThat(answer.followUpQuestions()).hasSize(3).doesNotContain(g.question());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void theReadinessScoreOfEveryTemplateIs100(String templateId) {
        AgentSpec spec = ChatFixtures.agentSpec(templateId);
        Readiness r = ReadinessCheck.score(
                ChatFixtures.agent(),
                spec,
                (sql, max) -> ChatFixtures.warehouse().query(spec.datasetId(), sql, max),
                Clock.systemUTC());
        assertThat(r.failed()).isEmpty();
        assertThat(r.score()).isEqualTo(100.0);
        assertThat(r.passed())
                .isEqualTo(r.total())
                .isEqualTo(spec.goldenQueries().size());
        assertThat(r.checkedAt()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void paraphrasesThatOnlyReorderTheWordsOfAGoldenQuestionGetTheGoldenAnswer(String templateId) {
        AgentSpec spec = ChatFixtures.agentSpec(templateId);
        GoldenQuery g = spec.goldenQueries().get(0);
        ChatAnswer shouted =
                ChatFixtures.agent().answer(spec, List.of(), "  " + g.question().toUpperCase() + " ");
        assertThat(shouted.outcome()).isEqualTo(ChatAnswer.GOLDEN);
        assertThat(shouted.sql()).isEqualTo(g.sql().strip());
    }
}
