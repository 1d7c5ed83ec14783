package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "What do customers contact support about most?": the most common topic of the records the question names. */
class AboutMostTest {

    private ChatAnswer ask(String template, String q) {
        AgentSpec spec = ChatFixtures.agentSpec(template);
        return ChatFixtures.agent().answer(spec, List.of(), q);
    }

    @Test
    void countsTheRecordsTheQuestionNamesPerValueOfTheirOneTopicColumn() {
        ChatAnswer telco = ask("telco", "What do customers contact support about most?");
        assertThat(telco.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(telco.columns()).containsExactly("category", "support_tickets");
        ChatAnswer common = ask("telco", "What is the most common support ticket category?");
        assertThat(telco.rows().get(0)).isEqualTo(common.rows().get(0));

        ChatAnswer reviews = ask("hospitality", "What do guests complain or comment about most in reviews?");
        assertThat(reviews.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(reviews.columns()).containsExactly("primary_topic", "reviews");
    }

    @Test
    void declinesWithoutRecordsThatHaveOneTopicColumn() {
        assertThat(ask("logistics", "What do customers complain about most?").outcome())
                .isEqualTo(ChatAnswer.DECLINED);
    }
}
