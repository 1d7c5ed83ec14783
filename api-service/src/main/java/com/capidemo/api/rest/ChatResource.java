package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.ChatService;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Conversation;
import com.capidemo.core.domain.ConversationTurn;
import com.capidemo.core.port.ChatAnswer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Path("/api/chat")
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

    /** The demo is named by {@code demo_id}, or by {@code project_id} for the demo /api/setup made. */
    public record ChatRequest(
            @Size(max = 64) String demoId,
            @Size(max = 64) String projectId,
            @NotBlank @Size(max = 2000) String message,
            @Size(max = 64) String conversationId) {}

    /** An answer: text, the SQL that ran, rows (capped), a Vega-Lite chart or null, and follow-up questions. */
    public record ChatReply(
            String answer,
            String sql,
            List<String> columns,
            List<List<Object>> rows,
            boolean truncated,
            Map<String, Object> chart,
            String conversationId,
            int turn,
            String outcome,
            List<String> followUpQuestions) {

        public static ChatReply of(ChatService.Reply reply) {
            ChatAnswer a = reply.answer();
            return new ChatReply(
                    a.answer(),
                    a.sql(),
                    a.columns(),
                    a.rows(),
                    a.truncated(),
                    a.chart(),
                    reply.conversationId(),
                    reply.turn(),
                    a.outcome(),
                    a.followUpQuestions());
        }
    }

    public record TurnView(
            int turn,
            String question,
            String answer,
            String sql,
            List<String> columns,
            List<List<Object>> rows,
            boolean truncated,
            Map<String, Object> chart,
            String outcome,
            List<String> followUpQuestions,
            Instant createdAt) {}

    public record ConversationView(
            String conversationId, String demoId, Instant createdAt, Instant updatedAt, List<TurnView> turns) {}

    private final ChatService chat;
    private final CallerContext caller;

    public ChatResource(ChatService chat, CallerContext caller) {
        this.chat = chat;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ChatReply ask(@Valid @NotNull ChatRequest request) {
        Caller who = caller.caller();
        String demoId = chat.demoOf(who, request.demoId(), request.projectId());
        return ChatReply.of(chat.chat(who, demoId, request.message(), request.conversationId()));
    }

    @GET
    @Path("/conversations/{conversationId}")
    public ConversationView conversation(@PathParam("conversationId") String conversationId) {
        Conversation c = chat.conversation(caller.caller(), conversationId);
        List<TurnView> turns =
                chat.turns(c.conversationId()).stream().map(ChatResource::view).toList();
        return new ConversationView(c.conversationId(), c.demoId(), c.createdAt(), c.updatedAt(), turns);
    }

    private static TurnView view(ConversationTurn t) {
        return new TurnView(
                t.turn(),
                t.question(),
                t.answer(),
                t.sql(),
                t.columns(),
                t.rows(),
                t.truncated(),
                t.chart(),
                t.outcome(),
                t.followUpQuestions(),
                t.createdAt());
    }
}
