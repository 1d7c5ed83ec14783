package com.capidemo.local;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import java.time.Instant;

/** Builds demos and jobs for store tests. */
public final class StoreFixtures {
    private StoreFixtures() {}

    /** Inserts a queued job (and its demo) directly, as the api-service's outbox transaction would. */
    public static Job queuedJob(SqliteDatabase db, String tenantId) {
        Instant now = Instant.now();
        String demoId = Ids.demoId();
        Job job = Job.queued(Ids.jobId(), demoId, tenantId, new JobPayload.Quick("shopify", null, null), now);
        db.write(c -> {
            SqliteDemoStore.insert(
                    c, Demo.provisioning(demoId, tenantId, "ce@example.com", "Acme", "Retail", "shopify", now));
            SqliteJobStore.insert(c, job);
            return null;
        });
        return job;
    }
}
