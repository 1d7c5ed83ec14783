package com.capidemo.quick.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.capidemo.chat.ReadinessCheck;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.DemoBusyException;
import com.capidemo.core.service.DemoDeletion;
import com.capidemo.core.service.DemoFinisher;
import com.capidemo.core.service.ReadinessJobs;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.local.SqliteJobStore;
import com.capidemo.quick.support.QuickJobs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clone jobs on quick-provisioner: what the clone gets, redelivery, a crashed worker, and independence. */
@QuarkusTest
class CloneJobTest {

    private static final String TENANT = "tenant_c";

    @Inject
    JobQueue queue;

    @Inject
    JobStore jobs;

    @Inject
    DemoStore demos;

    @Inject
    Warehouse warehouse;

    @Inject
    DataAgents agents;

    @Inject
    DemoDeletion deletion;

    @Inject
    DemoFinisher finisher;

    @Inject
    ChatAgent chat;

    @Inject
    java.time.Clock clock;

    @Inject
    SqliteDatabase db;

    private Demo readySource(String templateId) {
        ProvisionMessage message = QuickJobs.enqueue(queue, TENANT, templateId);
        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(200);
        Demo source = demos.find(message.demoId()).orElseThrow();
        assertThat(source.status()).isEqualTo(DemoStatus.READY);
        return source;
    }

    private ProvisionMessage cloneOf(Demo source) {
        return QuickJobs.enqueueClone(queue, source, "colleague@example.com", "Cloned Corp");
    }

    private long datasetsNamed(String id) {
        return warehouse.listDatasets().stream().filter(id::equals).count();
    }

    @Test
    void aCloneGetsItsOwnDatasetAndAgentWithTheSourcesTablesRowsAndGoldenQueries() {
        Demo source = readySource("shopify");
        ProvisionMessage message = cloneOf(source);

        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(200).body("outcome", equalTo("ack"));

        Job job = jobs.find(message.jobId()).orElseThrow();
        assertThat(job.type()).isEqualTo(JobType.CLONE);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.progress()).isEqualTo(100);
        assertThat(job.createdBy()).isEqualTo("colleague@example.com");
        assertThat(job.result())
                .containsEntry("demo_id", message.demoId())
                .containsEntry("source_demo_id", source.demoId());
        assertThat(job.logs())
                .extracting(JobLog::message)
                .anyMatch(m -> m.startsWith("Cloned table orders"))
                .anyMatch(m -> m.startsWith("Verified 15 tables, 145000 rows"))
                .anyMatch(m -> m.equals("Clone complete"));

        Demo clone = demos.find(message.demoId()).orElseThrow();
        assertThat(clone.status()).isEqualTo(DemoStatus.READY);
        assertThat(clone.customerName()).isEqualTo("Cloned Corp");
        assertThat(clone.createdBy()).isEqualTo("colleague@example.com");
        assertThat(clone.tenantId()).isEqualTo(TENANT);
        assertThat(clone.templateId()).isEqualTo("shopify");
        assertThat(clone.sourceDemoId()).isEqualTo(source.demoId());
        assertThat(clone.datasetId()).isEqualTo(clone.demoId()).isNotEqualTo(source.datasetId());
        assertThat(clone.agentId()).isNotEqualTo(source.agentId());
        assertThat(clone.goldenQueries()).isEqualTo(source.goldenQueries()).isNotEmpty();
        assertThat(clone.metadata())
                .containsEntry("table_count", 15)
                .containsEntry("total_rows", 145000)
                .containsEntry("cloned_from", source.demoId());
        assertThat(warehouse.rowCounts(clone.datasetId())).isEqualTo(warehouse.rowCounts(source.datasetId()));

        AgentSpec agent = agents.find(clone.agentId()).orElseThrow();
        assertThat(agent.datasetId()).isEqualTo(clone.datasetId());
        assertThat(agent.demoId()).isEqualTo(clone.demoId());
        assertThat(agent.tables()).hasSize(15);
        assertThat(agent.goldenQueries()).isEqualTo(source.goldenQueries());

        // its readiness is a job of its own, queued for custom-provisioner; scored here as that job scores it
        assertThat(jobs.find(ReadinessJobs.jobIdFor(clone.demoId()))
                        .orElseThrow()
                        .type())
                .isEqualTo(JobType.READINESS);
        assertThat(finisher.recordReadiness(
                                clone.demoId(), (spec, session) -> ReadinessCheck.score(chat, spec, session, clock))
                        .orElseThrow()
                        .score())
                .isEqualTo(100.0);
    }

    @Test
    void theSameCloneMessageDeliveredTwiceClonesOnce() {
        Demo source = readySource("banking");
        ProvisionMessage message = cloneOf(source);
        byte[] body = QuickJobs.envelope(message, 1);
        QuickJobs.push(body).statusCode(200);
        Job first = jobs.find(message.jobId()).orElseThrow();

        QuickJobs.push(body).statusCode(200).body("outcome", equalTo("ack"));
        QuickJobs.push(QuickJobs.envelope(message, 2)).statusCode(200);

        Job after = jobs.find(message.jobId()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(after.attempts()).isEqualTo(first.attempts()).isEqualTo(1);
        assertThat(after.completedAt()).isEqualTo(first.completedAt());
        assertThat(datasetsNamed(message.demoId())).isEqualTo(1);
        assertThat(agents.find(agents.agentIdFor(message.demoId()))).isPresent();
    }

    @Test
    void aCloneWhoseWorkerDiedHalfwayIsReclaimedAfterTheLeaseAndFinishedOverTheSameDataset() {
        Demo source = readySource("shopify");
        ProvisionMessage message = cloneOf(source);
        // The dead worker claimed the job, created the dataset and cloned one table, then stopped.
        MutableClock deadWorkersClock = new MutableClock(Instant.now());
        JobStore deadWorkersJobs = new SqliteJobStore(db, deadWorkersClock);
        warehouse.createDataset(message.demoId(), Map.of());
        warehouse.cloneTable(source.datasetId(), "orders", message.demoId());
        deadWorkersJobs.claim(message.jobId(), "dead-worker", Duration.ofSeconds(30));
        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(503); // its lease is still live
        // Its last heartbeat is put a minute in the past by hand, so its 30 s lease has run out without a wait.
        deadWorkersClock.set(Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(deadWorkersJobs.heartbeat(
                        message.jobId(), "dead-worker", Duration.ofSeconds(30), 10, "cloning", List.of()))
                .isTrue();
        assertThat(jobs.find(message.jobId()).orElseThrow().lease().expiresAt()).isBefore(Instant.now());

        QuickJobs.push(QuickJobs.envelope(message, 2)).statusCode(200);

        Job job = jobs.find(message.jobId()).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.attempts()).isEqualTo(2);
        Demo clone = demos.find(message.demoId()).orElseThrow();
        assertThat(clone.status()).isEqualTo(DemoStatus.READY);
        assertThat(datasetsNamed(message.demoId())).isEqualTo(1);
        assertThat(warehouse.rowCounts(clone.datasetId())).isEqualTo(warehouse.rowCounts(source.datasetId()));
    }

    @Test
    void deletingTheSourceLeavesTheCloneIntactAndQueryable() {
        Demo source = readySource("saas");
        ProvisionMessage message = cloneOf(source);
        assertThatThrownBy(() -> deletion.delete(source.demoId()))
                .as("the source of a queued clone")
                .isInstanceOf(DemoBusyException.class);
        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(200);
        Demo clone = demos.find(message.demoId()).orElseThrow();
        Map<String, Long> rowsBefore = warehouse.rowCounts(clone.datasetId());

        assertThat(deletion.delete(source.demoId())).isEqualTo(DemoDeletion.Outcome.DELETED);

        assertThat(warehouse.datasetExists(source.datasetId())).isFalse();
        assertThat(agents.find(source.agentId())).isEmpty();
        Demo after = demos.find(clone.demoId()).orElseThrow();
        assertThat(after.status()).isEqualTo(DemoStatus.READY);
        assertThat(after.goldenQueries()).isEqualTo(clone.goldenQueries()).isNotEmpty();
        assertThat(warehouse.rowCounts(after.datasetId())).isEqualTo(rowsBefore).hasSize(8);
        for (GoldenQuery golden : after.goldenQueries()) {
            assertThat(warehouse.query(after.datasetId(), golden.sql(), 10).rows())
                    .as(golden.question())
                    .isNotEmpty();
        }
        // its agent answers every golden question from the clone's own data
        assertThat(finisher.recordReadiness(
                                clone.demoId(), (spec, session) -> ReadinessCheck.score(chat, spec, session, clock))
                        .orElseThrow()
                        .score())
                .isEqualTo(100.0);
    }

    @Test
    void aCloneOfADemoThatIsNotReadyFailsWithoutRetries() {
        ProvisionMessage failedSource = QuickJobs.enqueue(queue, TENANT, "vanished_template");
        QuickJobs.push(QuickJobs.envelope(failedSource, 1)).statusCode(200);
        Demo source = demos.find(failedSource.demoId()).orElseThrow();
        assertThat(source.status()).isEqualTo(DemoStatus.FAILED);
        ProvisionMessage message = cloneOf(source);

        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(200);

        Job job = jobs.find(message.jobId()).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.error()).contains("is failed, not ready");
        assertThat(demos.find(message.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.FAILED);
        assertThat(datasetsNamed(message.demoId())).isZero();
    }
}
