package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "How many patient visits": the word of the table that owns the counted records, said right before their name, says
 * whose records they are and narrows nothing; a learned count that only shares the head word ("ED visits") is not it.
 */
class OwnerRecordsTest {

    private static ChatAnswer ask(String demo, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(demo), List.of(), q);
    }

    private static List<List<Object>> rows(String demo, String sql) {
        return ChatFixtures.query(demo, sql, 50).rows();
    }

    @Test
    void theOwnersWordBeforeTheCountedRecordsCountsAllOfThem() {
        ChatAnswer a = ask("healthcare", "How many patient visits did we have in 2025?");
        assertThat(a.answered()).as(a.answer()).isTrue();
        assertThat(ResultComparator.answers(
                        rows("healthcare", "SELECT count(*) FROM encounters WHERE year(admit_at) = 2025"), a.rows()))
                .as(a.sql() + " " + a.rows())
                .isTrue();
        ChatAnswer orders = ask("shopify", "How many customer orders were there in 2024?");
        assertThat(orders.answered()).as(orders.answer()).isTrue();
        assertThat(ResultComparator.answers(
                        rows("shopify", "SELECT count(*) FROM orders WHERE year(created_at) = 2024"), orders.rows()))
                .as(orders.sql() + " " + orders.rows())
                .isTrue();
        // the learned measure's own qualifier still narrows
        ChatAnswer ed = ask("healthcare", "How many emergency visits did we have in 2025?");
        if (ed.answered()) {
            assertThat(ed.sql()).contains("'emergency'");
        }
    }
}
