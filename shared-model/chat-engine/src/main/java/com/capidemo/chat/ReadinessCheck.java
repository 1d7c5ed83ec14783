package com.capidemo.chat;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ChatQuotaExhaustedException;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.QuerySession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The readiness score of a demo: each golden question is asked through the demo's agent, exactly as a user would,
 * and the rows it answers with are compared with the golden SQL's rows. When the agent answered with the golden SQL
 * itself (the local agent does for every golden question it recognises) its rows are the golden SQL's rows and the
 * query is not run a second time; any other SQL is compared with a separate run of the golden SQL. A question the
 * agent could not be asked because the chat quota is used up ({@link ChatQuotaExhaustedException}) is not a failed
 * question: the exception ends the scoring, so the caller can score again later.
 */
public final class ReadinessCheck {

    /** Questions asked at once. */
    private static final int PARALLELISM = 2;

    private ReadinessCheck() {}

    /**
     * Scores with every query in one warehouse session over the demo's dataset (one DuckDB opened once, not one per
     * query): the questions are asked one after another in it.
     */
    public static Readiness score(ChatAgent agent, AgentSpec spec, QuerySession session, Clock clock) {
        List<GoldenQuery> goldens = spec.goldenQueries();
        List<String> failed = new ArrayList<>();
        int passed = 0;
        for (GoldenQuery g : goldens) {
            if (passes((s, history, q) -> agent.answer(s, history, q, session), spec, session::query, g)) {
                passed++;
            } else {
                failed.add(g.question());
            }
        }
        return readiness(passed, goldens.size(), failed, clock.instant());
    }

    public static Readiness score(ChatAgent agent, AgentSpec spec, ChatEngine.Queries queries, Clock clock) {
        List<GoldenQuery> goldens = spec.goldenQueries();
        List<Boolean> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLELISM, goldens.size())), r -> {
            Thread t = new Thread(r, "readiness-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (GoldenQuery g : goldens) {
                futures.add(pool.submit(() -> passes(agent, spec, queries, g)));
            }
            for (Future<Boolean> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("readiness check interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChatQuotaExhaustedException quota) {
                throw quota;
            }
            throw new IllegalStateException("readiness check failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int passed = 0;
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < goldens.size(); i++) {
            if (results.get(i)) {
                passed++;
            } else {
                failed.add(goldens.get(i).question());
            }
        }
        return readiness(passed, goldens.size(), failed, clock.instant());
    }

    private static Readiness readiness(int passed, int total, List<String> failed, Instant scoredAt) {
        double score = total == 0 ? 100.0 : Math.round(1000.0 * passed / total) / 10.0;
        return new Readiness(score, passed, total, failed, scoredAt);
    }

    private static boolean passes(ChatAgent agent, AgentSpec spec, ChatEngine.Queries queries, GoldenQuery g) {
        try {
            ChatAnswer answer = agent.answer(spec, List.of(), g.question());
            if (!answer.answered() || answer.sql() == null) {
                return false;
            }
            if (answer.sql().strip().equals(g.sql().strip())) {
                return true; // the golden SQL ran and answered: its rows are the golden rows
            }
            QueryResult expected = queries.run(g.sql(), ChatEngine.MAX_ROWS);
            return expected.truncated() == answer.truncated()
                    && ResultComparator.sameRows(expected.rows(), answer.rows());
        } catch (ChatQuotaExhaustedException e) {
            throw e; // not an answer: ask again later
        } catch (RuntimeException e) {
            return false;
        }
    }
}
