package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.port.DemoStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Archives ready demos unused for archive-after (90 days) that are not pinned and not on a template dataset: status
 * archived, archived_at set, dataset and agent kept. Each archive is one conditional write, so a second run (or one
 * running at the same time) archives nothing twice and the counts of both add up to the demos archived.
 */
@ApplicationScoped
public class Archival {

    private final DemoStore demos;
    private final LifecyclePolicy policy;

    public Archival(DemoStore demos, LifecyclePolicy policy) {
        this.demos = demos;
        this.policy = policy;
    }

    public PhaseResult run(Instant now) {
        Instant cutoff = policy.archiveCutoff(now);
        long[] archived = {0};
        DemoPages.forEach(after -> demos.scanReadyUnused(cutoff, after, policy.pageSize()), Demo::lastUsed, demo -> {
            if (demo.onTemplateDataset(policy.templateDatasetPrefix())) {
                return;
            }
            if (demos.archive(demo.demoId(), cutoff, policy.templateDatasetPrefix(), now)) {
                archived[0]++;
                Log.infof(
                        "archived demo %s of tenant %s (last used %s)",
                        demo.demoId(), demo.tenantId(), demo.lastUsed());
            }
        });
        return new PhaseResult(archived[0], 0);
    }
}
