package com.capidemo.core.port;

import com.capidemo.core.domain.GoldenQuery;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Data agents over demo datasets (Conversational Analytics API, or the local agent). */
public interface DataAgents {

    /** Creates or replaces the agent of a demo; the id is stable per demo so retries do not duplicate. */
    String createAgent(AgentSpec spec);

    Optional<AgentSpec> find(String agentId);

    /**
     * Replaces what an existing agent is taught, its system instruction and its golden queries as example queries,
     * in its published context, leaving its tables, options and labels as they are (a talk-track edit). One update
     * call, not a re-creation.
     *
     * @throws NoSuchElementException when the agent does not exist
     */
    void updateContext(String agentId, String systemInstruction, List<GoldenQuery> goldenQueries);

    /** Deletes the agent; deleting a missing agent is not an error. */
    void deleteAgent(String agentId);

    /** The id {@link #createAgent} gives the agent of a demo (known before, or without, the agent existing). */
    String agentIdFor(String demoId);
}
