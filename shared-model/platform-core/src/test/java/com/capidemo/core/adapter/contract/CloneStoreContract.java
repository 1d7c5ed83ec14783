package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the demo and job stores must keep for clones (SQLite here, the Firestore emulator with -Pemulators): the
 * clone's source and owner, the source's golden queries, the source busy while a clone job copies it, and the clone
 * untouched when the source is deleted.
 */
public abstract class CloneStoreContract {

    protected abstract DemoStore demos();

    protected abstract JobStore jobs();

    protected static final GoldenQuery QUERY =
            new GoldenQuery("How many orders?", "SELECT count(*) FROM orders", "simple", "single_value");

    /** A ready source demo of {@code tenant} with one golden query. */
    protected Demo readySource(String tenant) {
        Demo source = Demo.provisioning(
                Ids.demoId(),
                tenant,
                "owner@example.com",
                "Original Corp",
                "Retail",
                "shopify",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertThat(demos().create(source)).isTrue();
        assertThat(demos().markReady(
                                source.demoId(),
                                source.demoId(),
                                "agent_" + source.demoId(),
                                List.of(QUERY),
                                Map.of("table_count", 1, "total_rows", 10)))
                .isTrue();
        return demos().find(source.demoId()).orElseThrow();
    }

    /** The clone's demo as the clone endpoint stores it, then ready with the source's golden queries. */
    protected Demo readyClone(Demo source, String owner) {
        Demo clone = Demo.cloneOf(
                source, Ids.demoId(), owner, "Cloned Corp", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertThat(demos().create(clone)).isTrue();
        assertThat(demos().markReady(
                                clone.demoId(),
                                clone.demoId(),
                                "agent_" + clone.demoId(),
                                source.goldenQueries(),
                                Map.of("table_count", 1, "total_rows", 10, "cloned_from", source.demoId())))
                .isTrue();
        return demos().find(clone.demoId()).orElseThrow();
    }

    @Test
    void aCloneKeepsItsSourceAndOwnerAndReadsTheSourcesGoldenQueries() {
        Demo source = readySource("t_" + Ids.randomHex(3));
        Demo stored = Demo.cloneOf(source, Ids.demoId(), "colleague@example.com", "Cloned Corp", Instant.now());
        assertThat(demos().create(stored)).isTrue();

        Demo provisioning = demos().find(stored.demoId()).orElseThrow();
        assertThat(provisioning.status()).isEqualTo(DemoStatus.PROVISIONING);
        assertThat(provisioning.sourceDemoId()).isEqualTo(source.demoId());
        assertThat(provisioning.createdBy()).isEqualTo("colleague@example.com");
        assertThat(provisioning.tenantId()).isEqualTo(source.tenantId());
        assertThat(provisioning.templateId()).isEqualTo("shopify");
        assertThat(provisioning.industry()).isEqualTo("Retail");
        assertThat(provisioning.goldenQueries()).isEmpty();

        assertThat(demos().markReady(stored.demoId(), stored.demoId(), "agent_c", source.goldenQueries(), Map.of()))
                .isTrue();
        Demo ready = demos().find(stored.demoId()).orElseThrow();
        assertThat(ready.goldenQueries()).containsExactly(QUERY);
        assertThat(ready.sourceDemoId()).isEqualTo(source.demoId());
        assertThat(demos().find(source.demoId()).orElseThrow().sourceDemoId()).isNull();
    }

    @Test
    void theSourceIsBusyWhileItsCloneJobIsUnfinished() {
        Demo source = readySource("t_" + Ids.randomHex(3));
        Demo clone = Demo.cloneOf(source, Ids.demoId(), "colleague@example.com", "Cloned Corp", Instant.now());
        demos().create(clone);
        Job job = Job.queued(
                Ids.jobId(),
                clone.demoId(),
                source.tenantId(),
                new JobPayload.Clone(source.demoId(), "shopify", null, "colleague@example.com"),
                Instant.now());
        assertThat(jobs().create(job)).isTrue();
        assertThat(jobs().find(job.jobId()).orElseThrow().sourceDemoId()).isEqualTo(source.demoId());
        assertThat(jobs().activeJobFor(source.demoId())).contains(job.jobId());
        assertThat(jobs().activeJobFor(clone.demoId())).contains(job.jobId());

        jobs().claim(job.jobId(), "w1", Duration.ofMinutes(1));
        jobs().complete(job.jobId(), "w1", Map.of("demo_id", clone.demoId()), null);

        assertThat(jobs().activeJobFor(source.demoId())).isEmpty();
        assertThat(demos().markDeleted(source.demoId(), Instant.now())).isEqualTo(DemoStore.DeleteOutcome.DELETED);
    }

    @Test
    void deletingTheSourceLeavesTheCloneAsItWas() {
        Demo source = readySource("t_" + Ids.randomHex(3));
        Demo clone = readyClone(source, "colleague@example.com");

        assertThat(demos().markDeleted(source.demoId(), Instant.now())).isEqualTo(DemoStore.DeleteOutcome.DELETED);

        Demo after = demos().find(clone.demoId()).orElseThrow();
        assertThat(after.status()).isEqualTo(DemoStatus.READY);
        assertThat(after.datasetId()).isEqualTo(clone.demoId());
        assertThat(after.agentId()).isEqualTo(clone.agentId());
        assertThat(after.goldenQueries()).containsExactly(QUERY);
        assertThat(after.sourceDemoId()).isEqualTo(source.demoId());
        Demo deleted = demos().find(source.demoId()).orElseThrow();
        assertThat(deleted.status()).isEqualTo(DemoStatus.DELETED);
        assertThat(deleted.goldenQueries())
                .as("the source keeps its record, queries included")
                .containsExactly(QUERY);
    }
}
