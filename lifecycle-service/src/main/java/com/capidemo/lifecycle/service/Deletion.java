package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.service.DemoBusyException;
import com.capidemo.core.service.DemoDeletion;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Deletes demos archived at least delete-after (180 days) ago through {@link DemoDeletion}, the one place a demo is
 * deleted (dataset dropped, agent deleted, status deleted, ids cleared, record kept), a page of the (status,
 * archived_at) scan at a time. Each deletion is conditional on the demo still being archived that long, so a second
 * run (or one at the same time) deletes nothing twice and the counts of both add up. A demo a job still works on is
 * skipped (logged, counted neither as deleted nor as an error) and taken by a later run; one on a template dataset is
 * never deleted (its dataset is shared).
 */
@ApplicationScoped
public class Deletion {

    private final DemoStore demos;
    private final DemoDeletion deletion;
    private final LifecyclePolicy policy;

    public Deletion(DemoStore demos, DemoDeletion deletion, LifecyclePolicy policy) {
        this.demos = demos;
        this.deletion = deletion;
        this.policy = policy;
    }

    public PhaseResult run(Instant now) {
        Instant cutoff = policy.deleteCutoff(now);
        long[] deleted = {0};
        long[] errors = {0};
        DemoPages.forEach(after -> demos.scanArchived(cutoff, after, policy.pageSize()), Demo::archivedAt, demo -> {
            if (demo.onTemplateDataset(policy.templateDatasetPrefix())) {
                Log.warnf(
                        "not deleting archived demo %s: its dataset %s is a template dataset",
                        demo.demoId(), demo.datasetId());
                return;
            }
            try {
                if (deletion.deleteArchived(demo.demoId(), cutoff) == DemoDeletion.Outcome.DELETED) {
                    deleted[0]++;
                }
            } catch (DemoBusyException e) {
                Log.infof(
                        "skipped deleting demo %s archived at %s: job %s still works on it; a later run deletes it",
                        demo.demoId(), demo.archivedAt(), e.jobId());
            } catch (RuntimeException e) {
                errors[0]++;
                Log.warnf(
                        "could not delete demo %s archived at %s; the next run retries: %s",
                        demo.demoId(), demo.archivedAt(), e.getMessage());
            }
        });
        return new PhaseResult(deleted[0], errors[0]);
    }
}
