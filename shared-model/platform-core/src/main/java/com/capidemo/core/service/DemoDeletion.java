package com.capidemo.core.service;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.Datasets;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one place a demo is deleted (DELETE /api/demos/{id} and the lifecycle's "delete archived demos" step): refuses
 * while a job still works on the demo, drops its dataset and deletes its agent (either missing is fine), then moves
 * it to deleted with deleted_at set and dataset_id/agent_id cleared, keeping the record. Deleting a deleted demo
 * succeeds and drops nothing; a crash between the steps leaves the demo as it was, so deleting again finishes it.
 * Who may delete is the caller's business: this class only deletes. The lifecycle deletes archived demos through
 * {@link #deleteArchived}, which first marks the demo as being deleted so a restore cannot bring it back half-dropped.
 */
@ApplicationScoped
public class DemoDeletion {

    private final DemoStore demos;
    private final JobStore jobs;
    private final Datasets datasets;
    private final DataAgents agents;
    private final Clock clock;

    public DemoDeletion(DemoStore demos, JobStore jobs, Datasets datasets, DataAgents agents, Clock clock) {
        this.demos = demos;
        this.jobs = jobs;
        this.datasets = datasets;
        this.agents = agents;
        this.clock = clock;
    }

    /** What a deletion did. */
    public enum Outcome {
        /** Deleted by this call. */
        DELETED,
        /** It had been deleted before; nothing was dropped again. */
        ALREADY_DELETED,
        /** No such demo. */
        NOT_FOUND,
        /** ({@link #deleteArchived} only) It is not archived, or was archived after the cut-off: left as it is. */
        NOT_DUE
    }

    /**
     * Deletes the demo.
     *
     * @throws DemoBusyException when a queued or running job works on it (its own, or a clone copying it)
     */
    public Outcome delete(String demoId) {
        Optional<Demo> found = demos.find(demoId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Demo demo = found.get();
        if (demo.status() == DemoStatus.DELETED) {
            return Outcome.ALREADY_DELETED;
        }
        refuseWhileBusy(demoId);
        return dropAndMarkDeleted(demo);
    }

    /**
     * Deletes the demo only if it is archived and was archived at or before {@code archivedAtOrBefore} (the lifecycle's
     * "delete demos archived 180 days ago"): a demo restored, or archived again later, since it was scanned is left
     * alone. The demo is first marked as being deleted in one conditional write, after which a restore refuses it;
     * a crash after that leaves it archived and marked, so the next run finishes it.
     *
     * @throws DemoBusyException when a queued or running job works on it (its own, or a clone copying it)
     */
    public Outcome deleteArchived(String demoId, Instant archivedAtOrBefore) {
        refuseWhileBusy(demoId);
        if (!demos.startDeletion(demoId, archivedAtOrBefore, clock.instant())) {
            return demos.find(demoId)
                    .map(d -> d.status() == DemoStatus.DELETED ? Outcome.ALREADY_DELETED : Outcome.NOT_DUE)
                    .orElse(Outcome.NOT_FOUND);
        }
        Optional<Demo> found = demos.find(demoId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        return found.get().status() == DemoStatus.DELETED ? Outcome.ALREADY_DELETED : dropAndMarkDeleted(found.get());
    }

    private void refuseWhileBusy(String demoId) {
        Optional<String> busy = jobs.activeJobFor(demoId);
        if (busy.isPresent()) {
            throw new DemoBusyException(demoId, busy.get());
        }
    }

    private Outcome dropAndMarkDeleted(Demo demo) {
        String demoId = demo.demoId();
        // A demo that never became ready has no ids recorded, but a failed attempt may have left its dataset (named
        // after the demo) and its agent (with the id derived from the demo) behind.
        String datasetId = demo.datasetId() != null ? demo.datasetId() : demoId;
        String agentId = demo.agentId() != null ? demo.agentId() : agents.agentIdFor(demoId);
        datasets.dropDataset(datasetId);
        agents.deleteAgent(agentId);
        DemoStore.DeleteOutcome outcome = demos.markDeleted(demoId, clock.instant());
        return switch (outcome) {
            case DELETED -> {
                Log.infof(
                        "deleted demo %s of tenant %s (dataset %s, agent %s dropped)",
                        demoId, demo.tenantId(), datasetId, agentId);
                yield Outcome.DELETED;
            }
            case ALREADY_DELETED -> Outcome.ALREADY_DELETED; // a concurrent deletion finished first
            case NOT_FOUND -> Outcome.NOT_FOUND;
            case BUSY ->
                throw new DemoBusyException(demoId, jobs.activeJobFor(demoId).orElse("unknown"));
        };
    }
}
