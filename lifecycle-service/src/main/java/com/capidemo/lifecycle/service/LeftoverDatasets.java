package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.port.Datasets;
import com.capidemo.core.port.DemoStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Drops what nobody will use again: temporary datasets (temp-dataset-prefix) older than temp-max-age, and the dataset
 * a failed demo left behind once it has been failed that long. Template datasets are never touched. A drop counts only
 * when this run dropped the dataset, so two runs at once never count one twice.
 */
@ApplicationScoped
public class LeftoverDatasets {

    private final Datasets datasets;
    private final DemoStore demos;
    private final LifecyclePolicy policy;

    public LeftoverDatasets(Datasets datasets, DemoStore demos, LifecyclePolicy policy) {
        this.datasets = datasets;
        this.demos = demos;
        this.policy = policy;
    }

    public PhaseResult run(Instant now) {
        Instant cutoff = policy.tempCutoff(now);
        long[] dropped = {0};
        long[] errors = {0};
        for (String id : datasets.listDatasets()) {
            if (!policy.isTemporary(id)) {
                continue;
            }
            Optional<Instant> created = datasets.datasetCreatedAt(id);
            if (created.isPresent() && !created.get().isAfter(cutoff) && drop(id, "temporary", errors)) {
                dropped[0]++;
            }
        }
        DemoPages.forEach(
                after -> demos.scanFailedLeftovers(cutoff, after, policy.pageSize()), Demo::createdAt, demo -> {
                    // A demo that never became ready has no dataset id recorded; its dataset is named after it.
                    String id = demo.datasetId() != null ? demo.datasetId() : demo.demoId();
                    if (policy.isTemplate(id)) {
                        demos.markLeftoverCleaned(demo.demoId(), now);
                        return;
                    }
                    long before = errors[0];
                    if (drop(id, "left by failed demo " + demo.demoId(), errors)) {
                        dropped[0]++;
                    }
                    if (errors[0] == before) {
                        demos.markLeftoverCleaned(demo.demoId(), now);
                    }
                });
        return new PhaseResult(dropped[0], errors[0]);
    }

    /** True when this call dropped the dataset; a failure is logged and counted, and retried by the next run. */
    private boolean drop(String datasetId, String why, long[] errors) {
        try {
            boolean dropped = datasets.dropDataset(datasetId);
            if (dropped) {
                Log.infof("dropped dataset %s (%s)", datasetId, why);
            }
            return dropped;
        } catch (RuntimeException e) {
            errors[0]++;
            Log.warnf("could not drop dataset %s (%s): %s", datasetId, why, e.getMessage());
            return false;
        }
    }
}
