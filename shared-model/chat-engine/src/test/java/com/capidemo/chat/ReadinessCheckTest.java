package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.QueryResult;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readiness score compares what an agent answers with the golden SQL's own rows. */
class ReadinessCheckTest {

    private final AgentSpec shopify = ChatFixtures.agentSpec("shopify");
    private final ChatEngine.Queries queries =
            (sql, max) -> ChatFixtures.warehouse().query(shopify.datasetId(), sql, max);

    private AgentSpec withGoldens(List<GoldenQuery> goldens) {
        return new AgentSpec(
                shopify.demoId(),
                shopify.tenantId(),
                shopify.datasetId(),
                shopify.tables(),
                shopify.systemInstruction(),
                goldens);
    }

    private ChatAnswer answered(String sql) {
        QueryResult r = queries.run(sql, ChatEngine.MAX_ROWS);
        return new ChatAnswer(
                "text", sql, r.columns(), r.rows(), r.truncated(), null, List.of(), ChatAnswer.PLANNED, null);
    }

    @Test
    void otherSqlWithTheGoldenRowsPassesOtherRowsAndDeclinesFail() {
        GoldenQuery count = new GoldenQuery(
                "How many orders were placed in 2024?",
                "SELECT count(*) AS n FROM orders WHERE year(created_at) = 2024",
                "simple",
                "single_value");
        GoldenQuery sameRowsOtherSql = new GoldenQuery(
                "How many customers are there?", "SELECT count(*) FROM customers", "simple", "single_value");
        GoldenQuery declined = new GoldenQuery("Why?", "SELECT 1", "simple", "single_value");
        ChatAgent agent = (spec, history, message) -> switch (message) {
            case "How many orders were placed in 2024?" ->
                answered("SELECT count(*) FROM orders WHERE created_at >= TIMESTAMP '2024-01-01' "
                        + "AND created_at < TIMESTAMP '2025-01-01'");
            case "How many customers are there?" ->
                answered("SELECT count(*) FROM customers WHERE country_code = 'CA'");
            default ->
                new ChatAnswer(
                        "no",
                        null,
                        List.of(),
                        List.of(),
                        false,
                        null,
                        List.of("a", "b", "c"),
                        ChatAnswer.DECLINED,
                        null);
        };
        Readiness r = ReadinessCheck.score(
                agent, withGoldens(List.of(count, sameRowsOtherSql, declined)), queries, Clock.systemUTC());
        assertThat(r.passed()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(3);
        assertThat(r.score()).isEqualTo(33.3);
        assertThat(r.failed()).containsExactly("How many customers are there?", "Why?");
    }

    @Test
    void aDemoWithoutGoldenQuestionsScores100() {
        Readiness r = ReadinessCheck.score(ChatFixtures.agent(), withGoldens(List.of()), queries, Clock.systemUTC());
        assertThat(r.score()).isEqualTo(100.0);
        assertThat(r.total()).isZero();
    }
}
