package com.capidemo.core.service;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoMetadata;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.QuerySession;
import com.capidemo.core.port.Warehouse;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * How every kind of provisioning (quick, clone, custom) finishes its demo once the dataset is loaded and verified: the
 * data agent over the dataset is created, the demo becomes ready with that agent, its golden queries and its
 * {@link DemoMetadata}, and its readiness (how many golden questions the agent answers like the golden SQL) is scored
 * and recorded. The job's completion event is published by the {@link com.capidemo.core.worker.JobRunner} when the job
 * completes.
 */
@ApplicationScoped
public class DemoFinisher {

    /** Scores an agent over a session on its dataset (the chat engine's readiness check). */
    @FunctionalInterface
    public interface ReadinessScoring {
        Readiness score(AgentSpec spec, QuerySession session);
    }

    private final DataAgents agents;
    private final DemoStore demos;
    private final Warehouse warehouse;
    private final Clock clock;

    public DemoFinisher(DataAgents agents, DemoStore demos, Warehouse warehouse, Clock clock) {
        this.agents = agents;
        this.demos = demos;
        this.warehouse = warehouse;
        this.clock = clock;
    }

    /**
     * Creates the agent {@code spec} describes, tells {@code agentCreated} its id, and marks the spec's demo ready with
     * it over the spec's dataset with the spec's golden queries and {@code metadata}, stamped with the clock's time as
     * {@code provisioned_at}.
     *
     * @return the agent's id
     */
    public String finish(AgentSpec spec, DemoMetadata metadata, Consumer<String> agentCreated) {
        String agentId = agents.createAgent(spec);
        agentCreated.accept(agentId);
        demos.markReady(
                spec.demoId(),
                spec.datasetId(),
                agentId,
                spec.goldenQueries(),
                metadata.withProvisionedAt(clock.instant()).toMap());
        return agentId;
    }

    /**
     * Scores a ready demo's agent on its golden questions in one warehouse session over its dataset and records the
     * score on the demo.
     *
     * @throws IllegalStateException when the demo or its agent is gone
     */
    public Readiness recordReadiness(String demoId, ReadinessScoring scoring) {
        Demo demo = demos.find(demoId).orElseThrow(() -> new IllegalStateException("no demo " + demoId));
        AgentSpec spec = agents.find(demo.agentId())
                .orElseThrow(() -> new IllegalStateException("demo " + demoId + " has no agent"));
        long started = System.nanoTime();
        Readiness readiness;
        try (QuerySession session = warehouse.session(spec.datasetId())) {
            readiness = scoring.score(spec, session);
        }
        demos.recordReadiness(demoId, readiness);
        Log.infof(
                "readiness of %s: %.1f%% (%d of %d golden questions) in %d ms%s",
                demoId,
                readiness.score(),
                readiness.passed(),
                readiness.total(),
                (System.nanoTime() - started) / 1_000_000,
                readiness.failed().isEmpty() ? "" : "; not matching: " + String.join(" | ", readiness.failed()));
        return readiness;
    }
}
