package com.capidemo.chat;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ChatTurn;
import com.capidemo.core.port.QueryResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The local data agent's answering loop for one agent: a golden question runs its curated SQL; any other question
 * goes to the planner (refining the previous turn's plan for a follow-up); what the planner cannot read with
 * confidence is declined with three questions it can answer. Every query passes the {@link SqlGuard} first and runs
 * with a row cap; nothing the user typed is ever executed as SQL.
 */
public final class ChatEngine {

    /** Runs a read-only query against the agent's dataset. */
    @FunctionalInterface
    public interface Queries {
        QueryResult run(String sql, int maxRows);
    }

    /** Rows returned with an answer; the result says when more existed. */
    public static final int MAX_ROWS = ChatAnswer.MAX_ROWS;

    private static final String GOLDEN_STATE = "golden:";

    private final AgentSpec spec;
    private final Queries queries;
    private final Supplier<ChatKnowledge> knowledge;
    private final SqlGuard guard;
    private final GoldenMatcher goldens;

    public ChatEngine(AgentSpec spec, Queries queries, Supplier<ChatKnowledge> knowledge) {
        this.spec = spec;
        this.queries = queries;
        this.knowledge = knowledge;
        this.guard = new SqlGuard(new HashSet<>(spec.tables()));
        this.goldens = new GoldenMatcher(spec.goldenQueries());
    }

    public ChatAnswer answer(List<ChatTurn> history, String message) {
        String question = message == null ? "" : message.strip();
        Optional<GoldenQuery> golden = goldens.match(question);
        if (golden.isPresent()) {
            try {
                return golden(golden.get());
            } catch (RuntimeException e) {
                return declined(question, "its curated query could not be run just now (" + brief(e) + ")");
            }
        }
        ChatKnowledge k = knowledge.get();
        Plan previous = previousPlan(k, history);
        Planner.Outcome outcome = k.planner.plan(question, previous);
        if (outcome instanceof Planner.Planned p) {
            Optional<String> misread = DefinedStates.misread(k.model, p.plan(), question);
            if (misread.isPresent()) {
                return declined(question, misread.get());
            }
            QueryResult r;
            try {
                r = run(p.sql());
            } catch (RuntimeException e) {
                return declined(question, "the query I planned could not be completed (" + brief(e) + ")");
            }
            Optional<String> unclear = ChildlessParents.unclear(k.model, p, question, r, this::run);
            if (unclear.isPresent()) {
                return declined(question, unclear.get());
            }
            String text = p.later() != null
                    ? AnswerWriter.compared(k.model, p.plan(), p.later(), r.rows())
                    : p.measures().size() > 1
                            ? AnswerWriter.several(k.model, p.measures(), r.columns(), r.rows(), r.truncated())
                            : AnswerWriter.planned(k.model, p.plan(), r.columns(), r.rows(), r.truncated());
            return new ChatAnswer(
                    text,
                    p.sql(),
                    r.columns(),
                    r.rows(),
                    r.truncated(),
                    // several measures: the chart plots the first one asked
                    ChartBuilder.chart(r.columns(), r.rows(), p.measures().size() > 1 ? null : question),
                    followUps(k, p.plan(), question),
                    ChatAnswer.PLANNED,
                    Json.write(p.plan()));
        }
        return declined(question, ((Planner.Declined) outcome).reason());
    }

    private static String brief(RuntimeException e) {
        if (e instanceof SqlGuard.Rejected r) {
            return "refused: " + r.getMessage();
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("Interrupted") || m.contains("INTERRUPT")
                ? "it took too long"
                : "the warehouse reported an error";
    }

    private ChatAnswer declined(String question, String reason) {
        List<String> suggestions = suggestions(question, Set.of());
        return new ChatAnswer(
                AnswerWriter.declined(reason, suggestions),
                null,
                List.of(),
                List.of(),
                false,
                null,
                suggestions,
                ChatAnswer.DECLINED,
                null);
    }

    private ChatAnswer golden(GoldenQuery g) {
        QueryResult r = run(g.sql());
        return new ChatAnswer(
                AnswerWriter.golden(r.columns(), r.rows(), r.truncated()),
                g.sql().strip(),
                r.columns(),
                r.rows(),
                r.truncated(),
                ChartBuilder.chart(r.columns(), r.rows(), g.question()),
                suggestions(g.question(), Set.of(g.question())),
                ChatAnswer.GOLDEN,
                GOLDEN_STATE + g.question());
    }

    private QueryResult run(String sql) {
        return queries.run(guard.check(sql), MAX_ROWS);
    }

    /**
     * The plan of the latest answered turn. After a golden answer, its question is planned and used only when the
     * planned SQL returns exactly the golden rows, so a follow-up never refines a different reading of it.
     */
    private Plan previousPlan(ChatKnowledge k, List<ChatTurn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            ChatTurn t = history.get(i);
            if (t.state() == null || ChatAnswer.DECLINED.equals(t.outcome())) {
                continue;
            }
            if (t.state().startsWith(GOLDEN_STATE)) {
                String q = t.state().substring(GOLDEN_STATE.length());
                Optional<GoldenQuery> g = spec.goldenQueries().stream()
                        .filter(x -> q.equals(x.question()))
                        .findFirst();
                if (g.isEmpty()) {
                    return null;
                }
                Planner.Outcome o = k.planner.plan(q, null);
                if (o instanceof Planner.Planned p) {
                    QueryResult mine = run(p.sql());
                    QueryResult theirs = run(g.get().sql());
                    List<List<Object>> shown = withoutKeys(k, p.plan(), mine);
                    if (!mine.rows().isEmpty()
                            && ResultComparator.answers(shown, theirs.rows())
                            && mine.rows().size() == theirs.rows().size()) {
                        return p.plan();
                    }
                }
                return null;
            }
            try {
                return Json.read(t.state(), Plan.class);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** The rows without the key columns shown next to the labels of grouped records (a golden query may omit them). */
    private static List<List<Object>> withoutKeys(ChatKnowledge k, Plan plan, QueryResult r) {
        Set<String> keys = new HashSet<>();
        for (Plan.Dim d : plan.dims()) {
            if (d.entity() && k.model.label.get(d.table()) != null) {
                k.model.schema.table(d.table()).map(Schema.Table::primaryKey).ifPresent(keys::add);
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < r.columns().size(); i++) {
            if (!keys.contains(r.columns().get(i))) {
                kept.add(i);
            }
        }
        if (kept.size() == r.columns().size()) {
            return r.rows();
        }
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            List<Object> x = new ArrayList<>();
            kept.forEach(i -> x.add(row.get(i)));
            out.add(x);
        }
        return out;
    }

    private List<String> followUps(ChatKnowledge k, Plan plan, String question) {
        List<String> out = new ArrayList<>();
        if (plan.timeGroup() == null && plan.dims().size() <= 1 && k.model.defaultDate.get(plan.base()) != null) {
            out.add("And by month?");
        }
        if (!plan.dims().isEmpty() && plan.limit() == null) {
            out.add("Top 5 instead");
        }
        for (String s : suggestions(question, Set.of())) {
            if (out.size() >= 3) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    /** Three golden questions, the ones sharing most words with the question first. */
    private List<String> suggestions(String question, Set<String> exclude) {
        Set<String> key = GoldenMatcher.key(question);
        List<GoldenQuery> ranked = new ArrayList<>(spec.goldenQueries());
        ranked.removeIf(g -> g.question() == null || exclude.contains(g.question()));
        Map<GoldenQuery, Integer> overlap = new HashMap<>();
        for (GoldenQuery g : ranked) {
            Set<String> gk = new HashSet<>(GoldenMatcher.key(g.question()));
            gk.retainAll(key);
            overlap.put(g, gk.size());
        }
        ranked.sort(Comparator.comparingInt((GoldenQuery g) -> -overlap.get(g))
                .thenComparingInt(g -> complexity(g.complexity())));
        Set<String> out = new LinkedHashSet<>();
        for (GoldenQuery g : ranked) {
            if (out.size() == 3) {
                break;
            }
            out.add(g.question());
        }
        return List.copyOf(out);
    }

    private static int complexity(String c) {
        return c == null
                ? 1
                : switch (c) {
                    case "simple" -> 0;
                    case "moderate" -> 1;
                    default -> 2;
                };
    }
}
