package com.capidemo.core.service;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoMetadata;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.QuerySession;
import com.capidemo.core.port.Warehouse;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How every kind of provisioning (quick, clone, custom) finishes its demo once the dataset is loaded and verified: the
 * data agent over the dataset is created, the demo becomes ready with that agent, its golden queries and its
 * {@link DemoMetadata}, and a readiness job is queued ({@link ReadinessJobs}) that later scores how many golden questions
 * the agent answers like the golden SQL and records it ({@link #recordReadiness}, run by that job's worker). No thread is
 * left running after the provision: the scoring is a delivered job of its own. The job's completion event is published by the {@link com.capidemo.core.worker.JobRunner} when the job
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
    private final ReadinessJobs readinessJobs;
    private final Clock clock;

    public DemoFinisher(
            DataAgents agents, DemoStore demos, Warehouse warehouse, ReadinessJobs readinessJobs, Clock clock) {
        this.agents = agents;
        this.demos = demos;
        this.warehouse = warehouse;
        this.readinessJobs = readinessJobs;
        this.clock = clock;
    }

    /**
     * Creates the agent {@code spec} describes, tells {@code agentCreated} its id, and marks the spec's demo ready with
     * it over the spec's dataset with the spec's golden queries and {@code metadata}, stamped with the clock's time as
     * {@code provisioned_at}, then queues its readiness job (a queue that cannot take it leaves the readiness unknown
     * and does not fail the provision).
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
        queueReadiness(spec.demoId());
        return agentId;
    }

    /** Queues the readiness job of a ready demo (once per demo; a no-op when it was queued before). */
    public boolean queueReadiness(String demoId) {
        Optional<Demo> demo = demos.find(demoId);
        return demo.isPresent()
                && readinessJobs.enqueue(
                        demoId, demo.get().tenantId(), demo.get().createdBy());
    }

    /**
     * Scores a ready demo's agent on its golden questions in one warehouse session over its dataset and records the
     * score on the demo. A demo that is not ready (deleted, archived, gone) is not scored: empty.
     *
     * @throws IllegalStateException when the ready demo's agent is gone
     */
    public Optional<Readiness> recordReadiness(String demoId, ReadinessScoring scoring) {
        Optional<Demo> found = demos.find(demoId);
        if (found.isEmpty() || found.get().status() != DemoStatus.READY) {
            return Optional.empty();
        }
        Demo demo = found.get();
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
        return Optional.of(readiness);
    }
}
