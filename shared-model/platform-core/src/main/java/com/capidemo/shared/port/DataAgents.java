package com.capidemo.shared.port;

import java.util.Optional;

/** Data agents over demo datasets (Conversational Analytics API, or the local agent). */
public interface DataAgents {

    /** Creates or replaces the agent of a demo; the id is stable per demo so retries do not duplicate. */
    String createAgent(AgentSpec spec);

    Optional<AgentSpec> find(String agentId);

    void deleteAgent(String agentId);
}
