package com.capidemo.api.service;

import com.capidemo.chat.SqlGuard;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.ConversationTurn;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ConversationStore;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.ReadinessJobs;
import com.capidemo.core.web.ApiProblem;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A demo's talk track: its golden questions, curated by its owner or a tenant admin (added from a question and SQL or
 * from a chat answer, reordered, renamed, removed) and its agent's system instruction. Every edit is one conditional
 * write of the demo's queries (the first edit gives the demo its own set, the template's stays shared), then the
 * demo's data agent's published context is updated with them (one update call) and a readiness job is queued that
 * scores the demo again against them, paced like every readiness scoring; the answer carries the last scored readiness
 * and that job's id.
 */
@ApplicationScoped
public class TalkTrackService {

    /** Golden questions a talk track holds at most. */
    public static final int MAX_QUERIES = 50;
    /** Rows a query added to the talk track is checked with. */
    static final int CHECK_ROWS = 5;

    /** A golden question with its id: the first 16 hex digits of the SHA-256 of its SQL (unique within a demo). */
    public record Item(String id, String question, String sql, String complexity, String expectedResultType) {
        static Item of(GoldenQuery g) {
            return new Item(idOf(g.sql()), g.question(), g.sql(), g.complexity(), g.expectedResultType());
        }
    }

    /**
     * The talk track of a demo as the API shows it. {@code readiness} is the last one scored; after an edit,
     * {@code readinessJob} names the queued job that scores the new talk track (null when none was queued).
     */
    public record TalkTrack(
            String demoId,
            List<Item> goldenQueries,
            String systemInstruction,
            Readiness readiness,
            String readinessJob) {}

    /** An item added or renamed, with the last scored readiness and the job that scores the new talk track. */
    public record Added(Item item, Readiness readiness, String readinessJob) {}

    private final DemoService demoService;
    private final DemoStore demos;
    private final DataAgents agents;
    private final Warehouse warehouse;
    private final ConversationStore conversations;
    private final ReadinessJobs readinessJobs;
    private final Clock clock;

    public TalkTrackService(
            DemoService demoService,
            DemoStore demos,
            DataAgents agents,
            Warehouse warehouse,
            ConversationStore conversations,
            ReadinessJobs readinessJobs,
            Clock clock) {
        this.readinessJobs = readinessJobs;
        this.clock = clock;
        this.demoService = demoService;
        this.demos = demos;
        this.agents = agents;
        this.warehouse = warehouse;
        this.conversations = conversations;
    }

    public static String idOf(String sql) {
        return "gq_" + Ids.sha256(sql.strip()).substring(0, 16);
    }

    /** Anyone of the demo's tenant may read it; another tenant's demo is 404. */
    public TalkTrack get(Caller caller, String demoId) {
        Demo demo = demoService.get(caller, demoId);
        String instruction = agentOf(demo).map(AgentSpec::systemInstruction).orElse(null);
        return new TalkTrack(
                demoId, demo.goldenQueries().stream().map(Item::of).toList(), instruction, demo.readiness(), null);
    }

    /**
     * Adds a question with its SQL, or a chat answer ({@code conversationId}, {@code turn}): its question and the SQL
     * that answered it. The SQL must be one read-only query over the demo's own tables that returns rows (else 422
     * naming the field); the same SQL twice, or more than {@link #MAX_QUERIES}, is 409.
     */
    public Added add(Caller caller, String demoId, String question, String sql, String conversationId, Integer turn) {
        Demo demo = editable(caller, demoId);
        boolean fromChat = conversationId != null || turn != null;
        if (fromChat && (question != null || sql != null)) {
            throw ApiProblem.invalid(
                    "conversation_id", "give either {question, sql} or {conversation_id, turn}, not both");
        }
        String sqlField = "sql";
        if (fromChat) {
            ConversationTurn t = turnOf(caller, demo, conversationId, turn);
            question = t.question();
            sql = t.sql();
            sqlField = "turn";
            if (sql == null || sql.isBlank()) {
                throw ApiProblem.invalid(
                        "turn", "that answer has no SQL (the agent declined or answered without a query)");
            }
        } else {
            if (question == null || question.isBlank()) {
                throw ApiProblem.invalid("question", "must not be blank");
            }
            if (sql == null || sql.isBlank()) {
                throw ApiProblem.invalid("sql", "must not be blank");
            }
        }
        AgentSpec agent = agentOf(demo).orElseThrow(() -> noAgent(demoId));
        String checked = check(agent, sql.strip(), sqlField);
        GoldenQuery added = new GoldenQuery(question.strip(), checked, "curated", "table");
        String id = idOf(checked);
        Result result = edit(demo, agent, current -> {
            if (current.stream().anyMatch(g -> idOf(g.sql()).equals(id))) {
                throw ApiProblem.conflict(
                        "golden-query-exists",
                        "that SQL is already in the talk track as '"
                                + current.stream()
                                        .filter(g -> idOf(g.sql()).equals(id))
                                        .findFirst()
                                        .orElseThrow()
                                        .question()
                                + "'");
            }
            if (current.size() >= MAX_QUERIES) {
                throw ApiProblem.conflict(
                        "talk-track-full", "a talk track holds at most " + MAX_QUERIES + " questions");
            }
            List<GoldenQuery> next = new ArrayList<>(current);
            next.add(added);
            return next;
        });
        return new Added(Item.of(added), result.readiness(), result.readinessJob());
    }

    /** Puts the questions in the order of {@code ids}, which must be exactly the talk track's ids (else 409). */
    public TalkTrack reorder(Caller caller, String demoId, List<String> ids) {
        if (ids == null) {
            throw ApiProblem.invalid("ids", "must be the talk track's ids in their new order");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ApiProblem.invalid("ids", "names a question twice");
        }
        Demo demo = editable(caller, demoId);
        AgentSpec agent = agentOf(demo).orElseThrow(() -> noAgent(demoId));
        Result result = edit(demo, agent, current -> {
            Set<String> have =
                    new HashSet<>(current.stream().map(g -> idOf(g.sql())).toList());
            if (!have.equals(new HashSet<>(ids))) {
                throw ApiProblem.conflict(
                        "talk-track-changed",
                        "ids must be exactly the talk track's current ids; read it again and retry");
            }
            return ids.stream()
                    .map(id -> current.stream()
                            .filter(g -> idOf(g.sql()).equals(id))
                            .findFirst()
                            .orElseThrow())
                    .toList();
        });
        return new TalkTrack(
                demoId,
                result.queries().stream().map(Item::of).toList(),
                agent.systemInstruction(),
                result.readiness(),
                result.readinessJob());
    }

    /** Renames one question (its SQL and id stay); an unknown id is 404. */
    public Added rename(Caller caller, String demoId, String id, String question) {
        if (question == null || question.isBlank()) {
            throw ApiProblem.invalid("question", "must not be blank");
        }
        Demo demo = editable(caller, demoId);
        AgentSpec agent = agentOf(demo).orElseThrow(() -> noAgent(demoId));
        String name = question.strip();
        Result result = edit(
                demo,
                agent,
                current -> current.stream()
                        .map(g -> idOf(g.sql()).equals(id)
                                ? new GoldenQuery(name, g.sql(), g.complexity(), g.expectedResultType())
                                : g)
                        .toList(),
                id);
        GoldenQuery renamed = result.queries().stream()
                .filter(g -> idOf(g.sql()).equals(id))
                .findFirst()
                .orElseThrow();
        return new Added(Item.of(renamed), result.readiness(), result.readinessJob());
    }

    /** Removes one question; an unknown id is 404. */
    public void remove(Caller caller, String demoId, String id) {
        Demo demo = editable(caller, demoId);
        AgentSpec agent = agentOf(demo).orElseThrow(() -> noAgent(demoId));
        edit(
                demo,
                agent,
                current ->
                        current.stream().filter(g -> !idOf(g.sql()).equals(id)).toList(),
                id);
    }

    /** Replaces the agent's system instruction and queues a new scoring of readiness. */
    public TalkTrack instruct(Caller caller, String demoId, String systemInstruction) {
        if (systemInstruction == null) {
            throw ApiProblem.invalid("system_instruction", "must be given (an empty text clears it)");
        }
        Demo demo = editable(caller, demoId);
        AgentSpec agent = agentOf(demo).orElseThrow(() -> noAgent(demoId));
        String instruction = systemInstruction.strip();
        agents.updateContext(demo.agentId(), instruction, demo.goldenQueries());
        String job = rescore(demo, instruction, demo.goldenQueries());
        return new TalkTrack(
                demoId, demo.goldenQueries().stream().map(Item::of).toList(), instruction, demo.readiness(), job);
    }

    private record Result(List<GoldenQuery> queries, Readiness readiness, String readinessJob) {}

    private Result edit(Demo demo, AgentSpec agent, UnaryOperator<List<GoldenQuery>> change) {
        return edit(demo, agent, change, null);
    }

    /**
     * Applies {@code change} to the queries read with the demo and writes them if nobody changed them since (else 409),
     * then updates the agent's published context with them (one update call, not a re-creation) and queues a new
     * scoring of readiness; the answer carries the last scored readiness. {@code mustHave}: an id that must be in the
     * talk track.
     */
    private Result edit(Demo demo, AgentSpec agent, UnaryOperator<List<GoldenQuery>> change, String mustHave) {
        List<GoldenQuery> current = demo.goldenQueries();
        if (mustHave != null && current.stream().noneMatch(g -> idOf(g.sql()).equals(mustHave))) {
            throw ApiProblem.notFound("golden query", mustHave);
        }
        List<GoldenQuery> next = List.copyOf(change.apply(current));
        if (!demos.replaceGoldenQueries(demo.demoId(), current, next)) {
            throw ApiProblem.conflict(
                    "talk-track-changed",
                    "the talk track of demo '" + demo.demoId()
                            + "' changed meanwhile (or the demo is no longer ready); " + "read it again and retry");
        }
        agents.updateContext(demo.agentId(), agent.systemInstruction(), next);
        Log.infof("talk track of demo %s: %d golden questions (was %d)", demo.demoId(), next.size(), current.size());
        return new Result(next, demo.readiness(), rescore(demo, agent.systemInstruction(), next));
    }

    /**
     * Queues the readiness job that scores the edited talk track as when the demo became ready (each golden question
     * asked through the agent, paced under readiness' share of the chat quota), instead of asking them inside this
     * request. Its id names this edit (the talk track and the edit's time), so every edit is scored again while a
     * redelivery of its job scores nothing twice.
     *
     * @return the job's id, or null when the queue could not take it (the readiness stays the last one scored)
     */
    private String rescore(Demo demo, String instruction, List<GoldenQuery> queries) {
        StringBuilder talkTrack = new StringBuilder(demo.demoId())
                .append('\n')
                .append(clock.instant())
                .append('\n')
                .append(instruction);
        queries.forEach(
                g -> talkTrack.append('\n').append(g.question()).append('\t').append(g.sql()));
        String version = Ids.sha256(talkTrack.toString()).substring(0, 12);
        return readinessJobs
                .enqueueRescore(demo.demoId(), demo.tenantId(), demo.createdBy(), version)
                .orElse(null);
    }

    private Demo editable(Caller caller, String demoId) {
        Demo demo = demoService.manageable(caller, demoId, "edit the talk track of");
        if (demo.status() != DemoStatus.READY) {
            throw ApiProblem.conflict(
                    "demo-not-ready",
                    "Demo '" + demoId + "' is " + demo.status().wire()
                            + "; its talk track can be edited once it is ready");
        }
        return demo;
    }

    private Optional<AgentSpec> agentOf(Demo demo) {
        return demo.agentId() == null ? Optional.empty() : agents.find(demo.agentId());
    }

    private static ApiProblem noAgent(String demoId) {
        return ApiProblem.conflict("agent-unavailable", "Demo '" + demoId + "' has no data agent");
    }

    private ConversationTurn turnOf(Caller caller, Demo demo, String conversationId, Integer turn) {
        if (conversationId == null || conversationId.isBlank()) {
            throw ApiProblem.invalid("conversation_id", "must name a conversation about this demo");
        }
        if (turn == null || turn < 1) {
            throw ApiProblem.invalid("turn", "must be the number of an answer in the conversation (from 1)");
        }
        conversations
                .find(conversationId)
                .filter(c -> c.tenantId().equals(caller.tenantId()))
                .filter(c -> c.demoId().equals(demo.demoId()))
                .orElseThrow(() -> ApiProblem.invalid("conversation_id", "is not a conversation about this demo"));
        return conversations.turns(conversationId, Integer.MAX_VALUE).stream()
                .filter(t -> t.turn() == turn)
                .findFirst()
                .orElseThrow(() -> ApiProblem.invalid("turn", "the conversation has no turn " + turn));
    }

    /** One read-only query over the demo's own tables that runs and returns rows; else 422 naming {@code field}. */
    private String check(AgentSpec agent, String sql, String field) {
        String guarded;
        try {
            guarded = new SqlGuard(new HashSet<>(agent.tables())).check(sql);
        } catch (SqlGuard.Rejected e) {
            throw ApiProblem.invalid(field, "must be one read-only query over this demo's tables: " + e.getMessage());
        }
        QueryResult result;
        try {
            result = warehouse.query(agent.datasetId(), guarded, CHECK_ROWS);
        } catch (RuntimeException e) {
            throw ApiProblem.invalid(field, "does not run on this demo's dataset: " + firstLine(e.getMessage()));
        }
        if (result.rows().isEmpty()) {
            throw ApiProblem.invalid(field, "returns no rows on this demo's dataset");
        }
        return guarded;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the query failed";
        }
        // The engine's first line ("Binder Error: column … not found"), without file paths of the warehouse.
        String line =
                message.strip().lines().findFirst().orElse("the query failed").replaceAll("(/[^\\s'\"]+)+", "…");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
