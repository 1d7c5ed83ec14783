package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ChatTurn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Follow-ups refine the previous turn's question: grouping, period, filters and top N. */
class ConversationTest {

    private final AgentSpec shopify = ChatFixtures.agentSpec("shopify");
    private final LocalChatAgent agent = ChatFixtures.agent();
    private final List<ChatTurn> history = new ArrayList<>();

    private ChatAnswer ask(String message) {
        ChatAnswer a = agent.answer(shopify, List.copyOf(history), message);
        history.add(new ChatTurn(message, a.answer(), a.sql(), a.outcome(), a.state()));
        return a;
    }

    private long scalar(String sql) {
        return ((Number) ChatFixtures.query("shopify", sql, 1).rows().get(0).get(0)).longValue();
    }

    @Test
    void andByMonthThenOnlyFor2024ThenByChannelThenTopTwo() {
        ChatAnswer total = ask("How many orders were placed in 2023?");
        assertThat(total.outcome()).isEqualTo(ChatAnswer.PLANNED);
        long orders2023 = ((Number) total.rows().get(0).get(0)).longValue();
        assertThat(orders2023).isEqualTo(scalar("SELECT count(*) FROM orders WHERE year(created_at) = 2023"));
        assertThat(total.chart()).isNull();
        assertThat(total.followUpQuestions()).contains("And by month?");

        ChatAnswer monthly = ask("and by month?");
        assertThat(monthly.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(monthly.columns()).containsExactly("month", "orders");
        assertThat(monthly.rows()).hasSize(12);
        assertThat(monthly.rows().stream()
                        .mapToLong(r -> ((Number) r.get(1)).longValue())
                        .sum())
                .isEqualTo(orders2023);
        assertThat(ChartBuilder.mark(monthly.chart())).isEqualTo("line");

        ChatAnswer only2024 = ask("only for 2024");
        assertThat(only2024.rows()).hasSize(12);
        assertThat(only2024.rows().get(0).get(0)).isEqualTo("2024-01-01");
        assertThat(only2024.rows().stream()
                        .mapToLong(r -> ((Number) r.get(1)).longValue())
                        .sum())
                .isEqualTo(scalar("SELECT count(*) FROM orders WHERE year(created_at) = 2024"));

        ChatAnswer byChannel = ask("by sales channel instead");
        assertThat(byChannel.columns()).containsExactly("source_name", "orders");
        assertThat(byChannel.rows()).hasSize(4);
        assertThat(ChartBuilder.mark(byChannel.chart())).isEqualTo("bar");

        ChatAnswer top2 = ask("top 2 instead");
        assertThat(top2.rows()).hasSize(2);
        assertThat(top2.rows().get(0)).isEqualTo(byChannel.rows().get(0));
        assertThat(top2.rows().get(1)).isEqualTo(byChannel.rows().get(1));
    }

    @Test
    void aFollowUpOnAGoldenAnswerRefinesTheSameQuestion() {
        ChatAnswer golden = ask("Which 10 products generated the most product revenue in 2024?");
        assertThat(golden.outcome()).isEqualTo(ChatAnswer.GOLDEN);
        ChatAnswer top5 = ask("top 5 instead");
        assertThat(top5.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(top5.rows()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(top5.rows().get(i).get(0)).isEqualTo(golden.rows().get(i).get(0));
            assertThat(top5.rows().get(i).get(top5.columns().indexOf("product_revenue")))
                    .isEqualTo(golden.rows().get(i).get(golden.columns().indexOf("product_revenue")));
        }
        ChatAnswer web = ask("only for 2025");
        assertThat(web.sql()).contains("2025-01-01").contains("LIMIT 5");
    }

    @Test
    void aFollowUpAddsAFilterAndKeepsTheRest() {
        ask("What was gross revenue by month in 2024?");
        ChatAnswer web = ask("only for web orders");
        assertThat(web.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(web.sql())
                .contains("source_name = 'web'")
                .contains("cancelled_at IS NULL")
                .contains("2024-01-01");
        assertThat(web.rows()).hasSize(12);
        ChatAnswer quarterly = ask("and by quarter?");
        assertThat(quarterly.rows()).hasSize(4);
        assertThat(quarterly.sql()).contains("source_name = 'web'");
    }

    @Test
    void aFollowUpWithNothingToRefineIsDeclined() {
        ChatAnswer a = ask("and by month?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.DECLINED);
        assertThat(a.followUpQuestions()).hasSize(3);
    }
}
