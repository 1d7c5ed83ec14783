package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everyday phrases that carry no condition: "right now", "at the moment", "came back <value>". */
class PresentStateTest {

    private static ChatAnswer ask(String template, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(template), List.of(), q);
    }

    @Test
    void rightNowIsTheDataAsItIs() {
        String[][] pairs = {
            {
                "logistics",
                "How many units are on order right now at each distribution center?",
                "How many units are on order at each distribution center?"
            },
            {"shopify", "How many customers do we have at the moment?", "How many customers do we have?"},
            {"saas", "How many accounts do we have as things stand?", "How many accounts do we have?"}
        };
        for (String[] p : pairs) {
            ChatAnswer a = ask(p[0], p[1]);
            assertThat(a.outcome()).as(p[1]).isEqualTo(ChatAnswer.PLANNED);
            assertThat(a.rows()).as(p[1]).isEqualTo(ask(p[0], p[2]).rows());
        }
    }

    @Test
    void cameBackBeforeAValueIsHowTheValueIsReported() {
        ChatAnswer a = ask("manufacturing", "How many inspections came back failed?");
        assertThat(a.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(a.sql()).contains("'fail'");
        // "came back" alone (returning customers) is a condition of its own
        assertThat(ask("shopify", "How many customers came back in 2024?").outcome())
                .isEqualTo(ChatAnswer.DECLINED);
    }
}
