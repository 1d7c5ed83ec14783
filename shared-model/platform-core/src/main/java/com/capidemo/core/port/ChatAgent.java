package com.capidemo.core.port;

import java.util.List;

/**
 * Answers questions about a demo's data in natural language (Conversational Analytics API, or the local agent): text,
 * the SQL it ran, the rows, a chart and follow-up suggestions. Only read-only queries over the agent's own dataset
 * may run; a question it cannot answer with confidence is declined with suggestions, never answered with a guess.
 */
public interface ChatAgent {

    /**
     * @param agent   the demo's data agent
     * @param history earlier turns of the conversation, oldest first (may be empty)
     * @param message the user's question (1–2,000 characters)
     */
    ChatAnswer answer(AgentSpec agent, List<ChatTurn> history, String message);

    /**
     * The same answer, with the agent's queries run in {@code session} (over the agent's dataset) where the agent runs
     * them itself; an agent that queries elsewhere (the Conversational Analytics API) ignores it.
     */
    default ChatAnswer answer(AgentSpec agent, List<ChatTurn> history, String message, QuerySession session) {
        return answer(agent, history, message);
    }
}
