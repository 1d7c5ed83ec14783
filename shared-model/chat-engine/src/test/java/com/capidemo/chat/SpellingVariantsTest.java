package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ChatAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A word spelled the British way ("labour", "colour", "fulfilment") names what its American spelling names in the data
 * (labor_cost, color, fulfillments); a spelling of another sense ("metres", the unit, for meters) does not.
 */
class SpellingVariantsTest {

    private static ChatAnswer ask(String demo, String q) {
        return ChatFixtures.agent().answer(ChatFixtures.agentSpec(demo), List.of(), q);
    }

    private static List<List<Object>> rows(String demo, String sql) {
        return ChatFixtures.query(demo, sql, 50).rows();
    }

    @Test
    void wordNetGivesOnlySpellingsOfTheSameSenses() {
        assertThat(SpellingVariants.of("labour")).contains("labor");
        assertThat(SpellingVariants.of("organisation")).contains("organization");
        assertThat(SpellingVariants.of("metres")).isEmpty();
        assertThat(SpellingVariants.of("labor")).contains("labour").doesNotContain("labor");
    }

    @Test
    void aBritishSpellingNamesTheColumnItsAmericanSpellingNames() {
        ChatAnswer labour = ask("restaurants", "What was our total labour cost?");
        assertThat(labour.answered()).as(labour.answer()).isTrue();
        assertThat(ResultComparator.answers(
                        rows("restaurants", "SELECT round(sum(labor_cost), 2) FROM shifts"), labour.rows()))
                .as(labour.sql() + " " + labour.rows())
                .isTrue();
        ChatAnswer colour = ask("shopify", "How many product variants come in each colour?");
        assertThat(colour.answered()).as(colour.answer()).isTrue();
        assertThat(colour.sql()).contains("color");
        ChatAnswer fulfilments = ask("shopify", "How many fulfilments do we have?");
        assertThat(fulfilments.answered()).as(fulfilments.answer()).isTrue();
        assertThat(ResultComparator.answers(rows("shopify", "SELECT count(*) FROM fulfillments"), fulfilments.rows()))
                .as(fulfilments.sql() + " " + fulfilments.rows())
                .isTrue();
    }
}
