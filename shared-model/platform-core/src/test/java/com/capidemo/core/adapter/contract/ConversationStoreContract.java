package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Conversation;
import com.capidemo.core.domain.ConversationTurn;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.ConversationStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators):
 * turns numbered from 1 even under concurrent appends, the latest ones read back oldest first, results intact.
 */
public abstract class ConversationStoreContract {

    protected abstract ConversationStore store();

    private static ConversationTurn turn(String conversationId, String question) {
        return new ConversationTurn(
                conversationId,
                0,
                question,
                "answer to " + question,
                "SELECT 1",
                List.of("n"),
                List.of(List.of(1)),
                false,
                null,
                List.of(),
                "answered",
                null,
                null);
    }

    private static List<Integer> range(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void aCreatedConversationReadsBack() {
        Conversation c = store().create("acme", "demo_1", "ce@example.com");
        Conversation found = store().find(c.conversationId()).orElseThrow();
        assertThat(found.conversationId()).isEqualTo(c.conversationId());
        assertThat(found.tenantId()).isEqualTo("acme");
        assertThat(found.demoId()).isEqualTo("demo_1");
        assertThat(found.createdBy()).isEqualTo("ce@example.com");
        assertThat(found.createdAt()).isNotNull();
        assertThat(store().turns(c.conversationId(), 10)).isEmpty();
    }

    @Test
    void anUnknownConversationIsEmpty() {
        assertThat(store().find("conv_missing")).isEmpty();
        assertThat(store().turns("conv_missing", 10)).isEmpty();
    }

    @Test
    void appendsAreNumberedFromOne() {
        Conversation c = store().create("acme", "demo_1", null);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ConversationTurn t = store().append(turn(c.conversationId(), "q" + i));
            assertThat(t.createdAt()).isNotNull();
            numbers.add(t.turn());
        }
        assertThat(numbers).containsExactlyElementsOf(range(3));
        assertThat(store().turns(c.conversationId(), 10))
                .extracting(ConversationTurn::question)
                .containsExactly("q1", "q2", "q3");
    }

    @Test
    void aLimitReturnsTheLatestTurnsOldestFirst() {
        Conversation c = store().create("acme", "demo_1", null);
        for (int i = 1; i <= 5; i++) {
            store().append(turn(c.conversationId(), "q" + i));
        }
        assertThat(store().turns(c.conversationId(), 2))
                .extracting(ConversationTurn::turn)
                .containsExactly(4, 5);
        assertThat(store().turns(c.conversationId(), 2))
                .extracting(ConversationTurn::question)
                .containsExactly("q4", "q5");
    }

    @Test
    void resultsChartAndFollowUpsRoundTrip() {
        Conversation c = store().create("acme", "demo_1", null);
        // nested lists and mixed types: what Firestore cannot store as arrays of arrays
        List<List<Object>> rows = List.of(
                Arrays.asList("2024-01-01", 197L, 12.5, true, null),
                Arrays.asList("2024-02-01", 0, -3.25, false, List.of(1, "two", Map.of("k", "v"))));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("$schema", "https://vega.github.io/schema/vega-lite/v5.json");
        chart.put("mark", Map.of("type", "line", "point", true));
        chart.put("encoding", Map.of("x", Map.of("field", "month"), "y", Map.of("field", "orders")));
        chart.put("data", Map.of("values", List.of(List.of(1, 2), List.of(3, 4))));
        chart.put("title", null);
        store().append(new ConversationTurn(
                c.conversationId(),
                0,
                "How many orders?",
                "197 in January",
                "SELECT month, orders FROM t",
                List.of("month", "orders", "ratio", "ok", "extra"),
                rows,
                true,
                chart,
                List.of("And by city?", "Which month was best?"),
                "answered",
                "{\"base\":\"orders\"}",
                null));

        ConversationTurn read = store().turns(c.conversationId(), 1).get(0);
        assertThat(read.conversationId()).isEqualTo(c.conversationId());
        assertThat(read.question()).isEqualTo("How many orders?");
        assertThat(read.answer()).isEqualTo("197 in January");
        assertThat(read.sql()).isEqualTo("SELECT month, orders FROM t");
        assertThat(read.columns()).containsExactly("month", "orders", "ratio", "ok", "extra");
        // compared as JSON: a 197L may come back as an Integer, the value is the same
        assertThat(Json.write(read.rows())).isEqualTo(Json.write(rows));
        assertThat(read.rows().get(0)).hasSize(5);
        assertThat(read.rows().get(0).get(4)).isNull();
        assertThat(read.truncated()).isTrue();
        assertThat(Json.map(Json.write(read.chart()))).isEqualTo(Json.map(Json.write(chart)));
        assertThat(read.chart()).containsKey("title");
        assertThat(read.followUpQuestions()).containsExactly("And by city?", "Which month was best?");
        assertThat(read.outcome()).isEqualTo("answered");
        assertThat(read.state()).isEqualTo("{\"base\":\"orders\"}");
        assertThat(read.createdAt()).isNotNull();
    }

    /** Question, answer and outcome are always set (the SQLite schema requires them); the rest may be null. */
    @Test
    void nullsRoundTrip() {
        Conversation c = store().create("acme", "demo_1", null);
        assertThat(store().find(c.conversationId()).orElseThrow().createdBy()).isNull();
        store().append(new ConversationTurn(
                c.conversationId(),
                0,
                "Hello?",
                "Nothing to query.",
                null,
                null,
                null,
                false,
                null,
                null,
                "refused",
                null,
                null));

        ConversationTurn read = store().turns(c.conversationId(), 10).get(0);
        assertThat(read.question()).isEqualTo("Hello?");
        assertThat(read.answer()).isEqualTo("Nothing to query.");
        assertThat(read.sql()).isNull();
        assertThat(read.columns()).isEmpty();
        assertThat(read.rows()).isEmpty();
        assertThat(read.truncated()).isFalse();
        assertThat(read.chart()).isNull();
        assertThat(read.followUpQuestions()).isEmpty();
        assertThat(read.outcome()).isEqualTo("refused");
        assertThat(read.state()).isNull();
    }

    @Test
    void concurrentAppendsGetDistinctConsecutiveNumbers() throws Exception {
        Conversation c = store().create("acme", "demo_1", null);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ConversationTurn>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String q = "q" + i;
                Callable<ConversationTurn> append = () -> {
                    start.await();
                    return store().append(turn(c.conversationId(), q));
                };
                futures.add(pool.submit(append));
            }
            start.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (Future<ConversationTurn> f : futures) {
                numbers.add(f.get(120, TimeUnit.SECONDS).turn());
            }
            assertThat(numbers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(range(threads));
        } finally {
            pool.shutdownNow();
        }
        List<ConversationTurn> turns = store().turns(c.conversationId(), 100);
        assertThat(turns).extracting(ConversationTurn::turn).containsExactlyElementsOf(range(threads));
        assertThat(turns).extracting(ConversationTurn::question).doesNotHaveDuplicates();
    }

    @Test
    void appendingMovesUpdatedAtForward() throws Exception {
        Conversation c = store().create("acme", "demo_1", null);
        Thread.sleep(5); // past the stores' millisecond resolution
        store().append(turn(c.conversationId(), "q1"));
        Conversation once = store().find(c.conversationId()).orElseThrow();
        assertThat(once.updatedAt()).isAfter(c.updatedAt());
        assertThat(once.createdAt())
                .isEqualTo(store().find(c.conversationId()).orElseThrow().createdAt());

        Thread.sleep(5);
        store().append(turn(c.conversationId(), "q2"));
        assertThat(store().find(c.conversationId()).orElseThrow().updatedAt()).isAfter(once.updatedAt());
    }
}
