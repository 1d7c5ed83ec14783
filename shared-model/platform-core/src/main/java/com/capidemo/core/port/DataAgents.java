package com.capidemo.core.port;

import java.util.Optional;

/** Data agents over demo datasets (Conversational Analytics API, or the local agent). */
public interface DataAgents {

    /** Creates or replaces the agent of a demo; the id is stable per demo so retries do not duplicate. */
    String createAgent(AgentSpec spec);

    Optional<AgentSpec> find(String agentId);

    /** Deletes the agent; deleting a missing agent is not an error. */
    void deleteAgent(String agentId);

    /** The id {@link #createAgent} gives the agent of a demo (known before, or without, the agent existing). */
    String agentIdFor(String demoId);
}
