package com.capidemo.gcp;

import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ChatQuotaExhaustedException;
import com.capidemo.core.port.ChatTurn;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.geminidataanalytics.v1beta.ChatRequest;
import com.google.cloud.geminidataanalytics.v1beta.DataAgentContext;
import com.google.cloud.geminidataanalytics.v1beta.DataChatServiceClient;
import com.google.cloud.geminidataanalytics.v1beta.DataMessage;
import com.google.cloud.geminidataanalytics.v1beta.Message;
import com.google.cloud.geminidataanalytics.v1beta.SystemMessage;
import com.google.cloud.geminidataanalytics.v1beta.TextMessage;
import com.google.cloud.geminidataanalytics.v1beta.UserMessage;
import java.time.Duration;
import java.util.List;

/**
 * Chat in gcp mode: a stateless Conversational Analytics chat against the demo's published data agent. The
 * conversation lives in our store, so each request replays the earlier turns (question, SQL, answer) before the new
 * question; the streamed reply is folded into a {@link ChatAnswer} by {@link CapiAnswer}. RESOURCE_EXHAUSTED (the
 * per-project chat quota, counted per minute) becomes a {@link ChatQuotaExhaustedException}: a "later", not a failure.
 */
public class CapiChatAgent implements ChatAgent {

    /** The chat quota is counted per minute: by then it has room again. */
    static final Duration QUOTA_WINDOW = Duration.ofMinutes(1);

    private final DataChatServiceClient client;
    private final CapiConfig config;

    public CapiChatAgent(DataChatServiceClient client, CapiConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public ChatAnswer answer(AgentSpec agent, List<ChatTurn> history, String message) {
        ChatRequest request = request(agent, history, message);
        CapiAnswer answer = new CapiAnswer();
        try {
            for (Message m : client.chatCallable().call(request)) {
                answer.accept(m);
            }
        } catch (ApiException e) {
            if (e.getStatusCode().getCode() == StatusCode.Code.RESOURCE_EXHAUSTED) {
                // the project's chat quota (per minute): nothing wrong with the question, ask again in a minute
                throw new ChatQuotaExhaustedException(
                        "Conversational Analytics chat quota exhausted: " + e.getMessage(), QUOTA_WINDOW, e);
            }
            throw new IllegalStateException(
                    "Conversational Analytics chat failed: " + e.getStatusCode().getCode() + " " + e.getMessage(), e);
        }
        return answer.toAnswer(agent.goldenQueries(), agent.datasetId());
    }

    ChatRequest request(AgentSpec agent, List<ChatTurn> history, String message) {
        ChatRequest.Builder r = ChatRequest.newBuilder()
                .setParent(config.parent())
                .setDataAgentContext(DataAgentContext.newBuilder()
                        .setDataAgent(config.agentName(CapiConfig.agentId(agent.demoId())))
                        .setContextVersion(DataAgentContext.ContextVersion.PUBLISHED));
        for (ChatTurn turn : history == null ? List.<ChatTurn>of() : history) {
            r.addMessages(user(turn.question()));
            if (turn.sql() != null) {
                r.addMessages(system(SystemMessage.newBuilder()
                        .setData(DataMessage.newBuilder().setGeneratedSql(turn.sql()))));
            }
            if (turn.answer() != null) {
                r.addMessages(system(SystemMessage.newBuilder()
                        .setText(TextMessage.newBuilder()
                                .setTextType(TextMessage.TextType.FINAL_RESPONSE)
                                .addParts(turn.answer()))));
            }
        }
        return r.addMessages(user(message)).build();
    }

    private static Message user(String text) {
        return Message.newBuilder()
                .setUserMessage(UserMessage.newBuilder().setText(text == null ? "" : text))
                .build();
    }

    private static Message system(SystemMessage.Builder m) {
        return Message.newBuilder().setSystemMessage(m).build();
    }
}
