package com.capidemo.api.service;

import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Conversation;
import com.capidemo.core.domain.ConversationTurn;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ChatTurn;
import com.capidemo.core.port.ConversationStore;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Chat with a demo: checks the demo is the caller's and ready, continues or starts a conversation, asks the demo's
 * data agent (with the conversation so far, for follow-ups), records the turn and marks the demo used.
 */
@ApplicationScoped
public class ChatService {

    /** Earlier turns handed to the agent for follow-ups. */
    static final int HISTORY_TURNS = 10;

    private final DemoStore demos;
    private final DataAgents agents;
    private final ChatAgent chat;
    private final ConversationStore conversations;
    private final MeterRegistry metrics;
    private final SetupService setup;
    private final Clock clock;

    public ChatService(
            DemoStore demos,
            DataAgents agents,
            ChatAgent chat,
            ConversationStore conversations,
            MeterRegistry metrics,
            SetupService setup,
            Clock clock) {
        this.clock = clock;
        this.demos = demos;
        this.agents = agents;
        this.chat = chat;
        this.conversations = conversations;
        this.metrics = metrics;
        this.setup = setup;
    }

    /** An answer within its conversation. */
    public record Reply(ChatAnswer answer, String conversationId, int turn) {}

    /**
     * The demo a chat request names: {@code demoId}, or for a project set up by /api/setup its demo; a
     * project of another tenant is the same 404 as an unknown one.
     */
    public String demoOf(Caller caller, String demoId, String projectId) {
        if (demoId != null && !demoId.isBlank()) {
            return demoId;
        }
        if (projectId == null || projectId.isBlank()) {
            throw ApiProblem.invalid(
                    "demo_id", "name the demo with demo_id (or project_id for a project set up by /api/setup)");
        }
        String tenantId = SetupService.tenantOf(projectId);
        if (!tenantId.equals(caller.tenantId())) {
            throw ApiProblem.notFound("project", projectId);
        }
        return setup.setupDemo(tenantId).map(Demo::demoId).orElseThrow(() -> ApiProblem.notFound("project", projectId));
    }

    /** A user of the demo's tenant asks; a conversation they may see ({@link #visible}) may be continued. */
    @WithSpan("chat")
    public Reply chat(Caller caller, String demoId, String message, String conversationId) {
        Demo demo = demos.find(demoId)
                .filter(d -> d.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> ApiProblem.notFound("demo", demoId));
        return converse(demo, caller.userEmail(), caller.isAdmin(), message, conversationId);
    }

    /**
     * The viewer of a share link asks (the link already checked): the same answer as {@link #chat}, in conversations
     * of that link only. Nothing about the demo changes but last_used.
     */
    @WithSpan("chat.shared")
    public Reply chatAsViewer(Demo demo, String viewer, String message, String conversationId) {
        return converse(demo, viewer, false, message, conversationId);
    }

    /**
     * Who sees a conversation (reads it, continues it): the user or share-link viewer who started it, and the admins
     * of its tenant; anyone else gets the same 404 as for a conversation that does not exist. Questions to a demo can
     * carry a CE's notes about a prospect, so colleagues do not read each other's.
     */
    static boolean visible(Conversation c, String tenantId, String actor, boolean admin) {
        return c.tenantId().equals(tenantId) && (admin || actor.equals(c.createdBy()));
    }

    private Reply converse(Demo demo, String actor, boolean admin, String message, String conversationId) {
        String demoId = demo.demoId();
        if (demo.status() != DemoStatus.READY) {
            throw ApiProblem.conflict(
                    "demo-not-ready",
                    "Demo '" + demoId + "' is " + demo.status().wire() + "; chat is available once it is ready");
        }
        AgentSpec agent = (demo.agentId() == null ? Optional.<AgentSpec>empty() : agents.find(demo.agentId()))
                .orElseThrow(() -> ApiProblem.conflict("agent-unavailable", "Demo '" + demoId + "' has no data agent"));
        Conversation conversation;
        if (conversationId != null && !conversationId.isBlank()) {
            conversation = conversations
                    .find(conversationId)
                    .filter(c -> visible(c, demo.tenantId(), actor, admin))
                    .orElseThrow(() -> ApiProblem.notFound("conversation", conversationId));
            if (!conversation.demoId().equals(demoId)) {
                throw ApiProblem.invalid("conversation_id", "belongs to another demo");
            }
        } else {
            conversation = conversations.create(demo.tenantId(), demoId, actor);
        }
        List<ChatTurn> history = conversations.turns(conversation.conversationId(), HISTORY_TURNS).stream()
                .map(t -> new ChatTurn(t.question(), t.answer(), t.sql(), t.outcome(), t.state()))
                .toList();
        String question = message.strip();
        long started = System.nanoTime();
        ChatAnswer answer = chat.answer(agent, history, question);
        long nanos = System.nanoTime() - started;
        Timer.builder("chat.duration")
                .tag("outcome", answer.outcome())
                .register(metrics)
                .record(nanos, TimeUnit.NANOSECONDS);
        metrics.counter("chat.count", "outcome", answer.outcome()).increment(); // the decline rate's numerator
        ConversationTurn saved = conversations.append(new ConversationTurn(
                conversation.conversationId(),
                0,
                question,
                answer.answer(),
                answer.sql(),
                answer.columns(),
                answer.rows(),
                answer.truncated(),
                answer.chart(),
                answer.followUpQuestions(),
                answer.outcome(),
                answer.state(),
                null));
        demos.touch(demoId, clock.instant());
        Log.infof(
                "chat on demo %s (conversation %s, turn %d): %s in %d ms",
                demoId, conversation.conversationId(), saved.turn(), answer.outcome(), nanos / 1_000_000);
        return new Reply(answer, conversation.conversationId(), saved.turn());
    }

    /** The conversation, if the caller may see it ({@link #visible}); otherwise the same 404 as a missing one. */
    public Conversation conversation(Caller caller, String conversationId) {
        return conversations
                .find(conversationId)
                .filter(c -> visible(c, caller.tenantId(), caller.userEmail(), caller.isAdmin()))
                .orElseThrow(() -> ApiProblem.notFound("conversation", conversationId));
    }

    public List<ConversationTurn> turns(String conversationId) {
        return conversations.turns(conversationId, Integer.MAX_VALUE);
    }
}
