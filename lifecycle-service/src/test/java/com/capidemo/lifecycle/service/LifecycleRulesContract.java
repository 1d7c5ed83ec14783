package com.capidemo.lifecycle.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.domain.LifecycleRun;
import com.capidemo.core.domain.Notification;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.LifecycleRunStore;
import com.capidemo.core.port.NotificationStore;
import com.capidemo.core.service.DemoDeletion;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.local.LocalDataAgents;
import com.capidemo.local.LocalDatasetFolders;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.local.SqliteEventPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle rules over a real store (SQLite here, the Firestore emulator in its subclass), a
 * real local warehouse (dataset folders) and an injected clock: the exact outcome for each kind of demo, repeated and
 * concurrent runs, warnings once per cycle.
 */
abstract class LifecycleRulesContract {

    /** A fresh, empty store for each test (every scan is global, so tests must not see each other's demos). */
    protected abstract Stores openStores(Path dir);

    protected record Stores(
            DemoStore demos,
            JobStore jobs,
            NotificationStore notifications,
            LifecycleRunStore runs,
            AutoCloseable closer) {}

    static final Instant NOW = Instant.parse("2031-01-10T02:00:00Z");

    @TempDir
    Path dir;

    MutableClock clock;
    Stores stores;
    LocalDatasetFolders datasets;
    SqliteDatabase local;
    LocalDataAgents agents;
    SimpleMeterRegistry metrics;
    /** Small pages, so every scan here spans several of them. */
    LifecyclePolicy policy = LifecyclePolicy.defaults().withPageSize(3);

    @BeforeEach
    void open() {
        clock = new MutableClock(NOW);
        stores = openStores(dir);
        datasets = new LocalDatasetFolders(dir.resolve("warehouse"), clock);
        local = new SqliteDatabase(dir.resolve("local.db"));
        agents = new LocalDataAgents(local, Clock.systemUTC());
        metrics = new SimpleMeterRegistry();
    }

    @AfterEach
    void close() throws Exception {
        stores.closer().close();
    }

    LifecycleWiring wiring() {
        return new LifecycleWiring(
                stores.demos(),
                stores.jobs(),
                stores.notifications(),
                stores.runs(),
                datasets,
                agents,
                new SqliteEventPublisher(local, Clock.systemUTC()),
                clock,
                policy,
                metrics);
    }

    Cleanup cleanup() {
        return wiring().cleanup();
    }

    ExpiryWarnings warnings() {
        return wiring().warnings();
    }

    // ----- seeding -----

    Demo seed(
            String name,
            DemoStatus status,
            Duration unusedFor,
            Duration archivedFor,
            boolean pinned,
            String datasetId) {
        String id = Ids.demoId();
        String dataset = datasetId == null ? id : datasetId;
        Instant lastUsed = clock.instant().minus(unusedFor);
        Instant created = status == DemoStatus.FAILED ? lastUsed : lastUsed.minus(Duration.ofDays(1));
        Demo demo = new Demo(
                id,
                "acme",
                "ce@example.com",
                name,
                "Retail",
                "shopify",
                status == DemoStatus.FAILED ? null : dataset,
                status == DemoStatus.FAILED ? null : "agent_" + id,
                status,
                created,
                lastUsed,
                archivedFor == null ? null : clock.instant().minus(archivedFor),
                pinned,
                List.of(),
                Map.of());
        assertThat(stores.demos().create(demo)).isTrue();
        datasets.createDataset(dataset, Map.of("demo", id));
        if (status != DemoStatus.FAILED) {
            agents.createAgent(new AgentSpec(id, "acme", dataset, List.of("orders"), "", List.of()));
        }
        return demo;
    }

    Demo ready(String name, int unusedDays) {
        return seed(name, DemoStatus.READY, Duration.ofDays(unusedDays), null, false, null);
    }

    Demo archived(String name, int archivedDays) {
        return seed(
                name,
                DemoStatus.ARCHIVED,
                Duration.ofDays(archivedDays + 90),
                Duration.ofDays(archivedDays),
                false,
                null);
    }

    /** A temporary dataset created {@code age} before now. */
    void tempDataset(String id, Duration age) {
        Instant now = clock.instant();
        clock.set(now.minus(age));
        datasets.createDataset(id, Map.of());
        clock.set(now);
    }

    /** Every file or folder under the warehouse root whose name mentions the dataset (its folder, a tombstone). */
    List<Path> leftoversOf(String datasetId) {
        try (var files = Files.walk(datasets.root())) {
            return files.filter(p -> p.getFileName().toString().contains(datasetId))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Demo reread(Demo d) {
        return stores.demos().find(d.demoId()).orElseThrow();
    }

    // ----- the rules -----

    /** An archived demo a queued job still works on (a clone copying it, say). */
    Demo archivedWithJob(String name, int archivedDays) {
        Demo demo = archived(name, archivedDays);
        assertThat(stores.jobs()
                        .create(Job.queued(
                                Ids.jobId(),
                                demo.demoId(),
                                demo.tenantId(),
                                new JobPayload.Clone(null, null, null, null),
                                clock.instant())))
                .isTrue();
        return demo;
    }

    /** One row of the rules table: a demo as stored, and what one cleanup run must leave of it. */
    record Case(String name, Demo demo, DemoStatus expected, boolean datasetKept) {}

    String datasetOf(Demo d) {
        return d.datasetId() == null ? d.demoId() : d.datasetId();
    }

    @Test
    void eachKindOfDemoEndsExactlyAsTheSeedSays() {
        List<Case> table = List.of(
                new Case("unused 89 days", ready("unused 89", 89), DemoStatus.READY, true),
                new Case("unused 90 days", ready("unused 90", 90), DemoStatus.ARCHIVED, true),
                new Case("unused 95 days", ready("unused 95", 95), DemoStatus.ARCHIVED, true),
                new Case(
                        "pinned, unused 200 days",
                        seed("pinned", DemoStatus.READY, Duration.ofDays(200), null, true, null),
                        DemoStatus.READY,
                        true),
                new Case(
                        "on a template dataset, unused 200 days",
                        seed("template", DemoStatus.READY, Duration.ofDays(200), null, false, "tmpl_shopify"),
                        DemoStatus.READY,
                        true),
                new Case("archived 179 days ago", archived("archived 179", 179), DemoStatus.ARCHIVED, true),
                new Case("archived 180 days ago", archived("archived 180", 180), DemoStatus.DELETED, false),
                new Case("archived 200 days ago", archived("archived 200", 200), DemoStatus.DELETED, false),
                new Case(
                        "archived 200 days ago, a job still on it",
                        archivedWithJob("busy", 200),
                        DemoStatus.ARCHIVED,
                        true),
                new Case(
                        "archived 200 days ago on a template dataset",
                        seed(
                                "archived template",
                                DemoStatus.ARCHIVED,
                                Duration.ofDays(290),
                                Duration.ofDays(200),
                                false,
                                "tmpl_banking"),
                        DemoStatus.ARCHIVED,
                        true),
                new Case(
                        "failed 2 days ago",
                        seed("failed", DemoStatus.FAILED, Duration.ofDays(2), null, false, null),
                        DemoStatus.FAILED,
                        false),
                new Case(
                        "failed an hour ago",
                        seed("failing", DemoStatus.FAILED, Duration.ofHours(1), null, false, null),
                        DemoStatus.FAILED,
                        true));
        tempDataset("tmp_scratch_old", Duration.ofHours(25));
        tempDataset("tmp_scratch_new", Duration.ofHours(1));
        tempDataset("tmpl_shared", Duration.ofDays(400));

        CleanupReport report = cleanup().run(RunRecorder.HTTP);

        SoftAssertions soft = new SoftAssertions();
        for (Case c : table) {
            Demo after = reread(c.demo());
            soft.assertThat(after.status()).as(c.name()).isEqualTo(c.expected());
            soft.assertThat(datasets.datasetExists(datasetOf(c.demo())))
                    .as(c.name() + ": dataset kept")
                    .isEqualTo(c.datasetKept());
            if (c.expected() == DemoStatus.DELETED) {
                soft.assertThat(after.deletedAt()).as(c.name() + ": deleted_at").isEqualTo(NOW);
                soft.assertThat(after.datasetId())
                        .as(c.name() + ": dataset_id cleared")
                        .isNull();
                soft.assertThat(after.agentId())
                        .as(c.name() + ": agent_id cleared")
                        .isNull();
                soft.assertThat(agents.find(c.demo().agentId()))
                        .as(c.name() + ": agent deleted")
                        .isEmpty();
                soft.assertThat(Files.exists(datasets.folder(datasetOf(c.demo()))))
                        .as(c.name() + ": folder gone")
                        .isFalse();
                soft.assertThat(datasets.listDatasets())
                        .as(c.name() + ": no longer listed")
                        .doesNotContain(datasetOf(c.demo()));
                soft.assertThat(leftoversOf(datasetOf(c.demo())))
                        .as(c.name() + ": nothing of it left on disk")
                        .isEmpty();
                soft.assertThat(after.customerName())
                        .as(c.name() + ": record kept")
                        .isEqualTo(c.demo().customerName());
            } else if (c.demo().status() != DemoStatus.FAILED) {
                soft.assertThat(after.datasetId())
                        .as(c.name() + ": dataset_id")
                        .isEqualTo(c.demo().datasetId());
                soft.assertThat(agents.find(c.demo().agentId()))
                        .as(c.name() + ": agent kept")
                        .isPresent();
            }
            if (c.expected() == DemoStatus.ARCHIVED && c.demo().status() == DemoStatus.READY) {
                soft.assertThat(after.archivedAt())
                        .as(c.name() + ": archived_at")
                        .isEqualTo(NOW);
                soft.assertThat(after.agentId())
                        .as(c.name() + ": agent kept")
                        .isEqualTo(c.demo().agentId());
            }
        }
        soft.assertThat(datasets.datasetExists("tmp_scratch_old"))
                .as("temp dataset older than 24 h")
                .isFalse();
        soft.assertThat(datasets.datasetExists("tmp_scratch_new"))
                .as("temp dataset of an hour")
                .isTrue();
        soft.assertThat(datasets.datasetExists("tmpl_shared"))
                .as("template dataset")
                .isTrue();
        soft.assertThat(report.archived()).as("archived").isEqualTo(2);
        soft.assertThat(report.deleted())
                .as("deleted (the busy one counted neither way)")
                .isEqualTo(2);
        soft.assertThat(report.tempDatasetsDropped())
                .as("temp datasets dropped")
                .isEqualTo(2);
        soft.assertThat(report.errors()).isZero();
        soft.assertAll();

        clock.advance(Duration.ofMinutes(1));
        CleanupReport again = cleanup().run(RunRecorder.HTTP);
        assertThat(again.archived()).as("a second run").isZero();
        assertThat(again.deleted()).isZero();
        assertThat(again.tempDatasetsDropped()).isZero();
        assertThat(stores.runs().recent(10))
                .extracting(r -> r.counts().get("archived"))
                .containsExactly(0L, 2L);
    }

    /** What a kill -9 leaves of a run: only the work in between, never the run's start. */
    static final class ProcessKilled extends Error {}

    @Test
    void aRunKilledMidwayStaysRecordedAsRunningAndTheFirstRunPastItsTimeoutMarksItAbandoned() {
        RunRecorder recorder = new RunRecorder(stores.runs(), clock, metrics, Duration.ofMinutes(30));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorder.run("cleanup", RunRecorder.CRON, at -> {
                    throw new ProcessKilled();
                }))
                .isInstanceOf(ProcessKilled.class);
        LifecycleRun killed = stores.runs().recent(1).get(0);
        assertThat(killed.kind()).isEqualTo("cleanup");
        assertThat(killed.outcome()).isEqualTo(LifecycleRun.RUNNING);
        assertThat(killed.startedAt()).isEqualTo(NOW);
        assertThat(killed.finishedAt()).isNull();

        clock.advance(Duration.ofMinutes(29));
        LifecycleRun early = recorder.run("send-warnings", RunRecorder.HTTP, at -> Map.of("warnings_sent", 0L));
        assertThat(run(killed.runId()).outcome()).as("still within its timeout").isEqualTo(LifecycleRun.RUNNING);

        clock.advance(Duration.ofMinutes(1));
        LifecycleRun late = recorder.run("export-metrics", RunRecorder.HTTP, at -> Map.of("demos", 0L));
        LifecycleRun abandoned = run(killed.runId());
        assertThat(abandoned.outcome()).isEqualTo(LifecycleRun.ABANDONED);
        assertThat(abandoned.error()).contains("platform.lifecycle.run-timeout");
        assertThat(run(early.runId()).outcome()).isEqualTo(LifecycleRun.COMPLETED);
        assertThat(run(late.runId()).outcome()).isEqualTo(LifecycleRun.COMPLETED);
        assertThat(run(late.runId()).counts()).containsEntry("demos", 0L);
        assertThat(stores.runs().abandonOverdue(clock.instant().plus(Duration.ofDays(1)), "again"))
                .as("finished and abandoned runs are not marked again")
                .isZero();
    }

    private LifecycleRun run(String runId) {
        return stores.runs().recent(100).stream()
                .filter(r -> r.runId().equals(runId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aRestoredDemoStartsANewNinetyDays() {
        Demo demo = archived("restored", 10);
        assertThat(stores.demos().restore(demo.demoId(), NOW)).isTrue();

        clock.advance(Duration.ofDays(89));
        assertThat(cleanup().run(RunRecorder.CRON).archived()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(cleanup().run(RunRecorder.CRON).archived()).isEqualTo(1);
        assertThat(reread(demo).status()).isEqualTo(DemoStatus.ARCHIVED);
    }

    @Test
    void twoCleanupsAtOnceTransitionEachDemoOnceAndTheirCountsAddUp() throws Exception {
        List<Demo> archivable = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            archivable.add(ready("old " + i, 91 + i % 30));
        }
        List<Demo> deletable = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deletable.add(archived("long archived " + i, 180 + i * 3));
        }
        List<Demo> kept = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            kept.add(ready("recent " + i, 30));
            kept.add(archived("archived recently " + i, 100 + i));
            tempDataset("tmp_old_" + i, Duration.ofDays(2));
        }

        List<CleanupReport> reports = concurrently(2, () -> cleanup().run(RunRecorder.HTTP));

        assertThat(reports.stream().mapToLong(CleanupReport::archived).sum()).isEqualTo(40);
        assertThat(reports.stream().mapToLong(CleanupReport::deleted).sum()).isEqualTo(20);
        assertThat(reports.stream()
                        .mapToLong(CleanupReport::tempDatasetsDropped)
                        .sum())
                .isEqualTo(10);
        assertThat(reports).allSatisfy(r -> assertThat(r.errors()).isZero());
        assertThat(archivable).allSatisfy(d -> assertThat(reread(d).status()).isEqualTo(DemoStatus.ARCHIVED));
        assertThat(deletable).allSatisfy(d -> {
            assertThat(reread(d).status()).isEqualTo(DemoStatus.DELETED);
            assertThat(datasets.datasetExists(d.datasetId())).isFalse();
        });
        assertThat(kept).allSatisfy(d -> {
            assertThat(reread(d).status()).isEqualTo(d.status());
            assertThat(datasets.datasetExists(d.datasetId())).isTrue();
        });
        // Deleted exactly once: one cleanup's "deleted demo" counter per demo, none counted by both.
        assertThat(metrics.counter("lifecycle.cleanup", "result", "deleted").count())
                .isEqualTo(20.0);
    }

    // ----- jobs their queue gave up on -----

    /** A provisioning demo and its job of {@code type}, created {@code age} before now. */
    Job jobCreated(JobType type, Duration age, JobPayload payload) {
        Instant now = clock.instant();
        clock.set(now.minus(age));
        Demo demo = new Demo(
                Ids.demoId(),
                "acme",
                "ce@example.com",
                "stuck " + type,
                "Retail",
                "shopify",
                null,
                null,
                DemoStatus.PROVISIONING,
                clock.instant(),
                clock.instant(),
                null,
                false,
                List.of(),
                Map.of());
        assertThat(stores.demos().create(demo)).isTrue();
        Job job = Job.queued(
                Ids.jobId(), type == JobType.PIPELINE ? null : demo.demoId(), "acme", payload, clock.instant());
        assertThat(stores.jobs().create(job)).isTrue();
        clock.set(now);
        return job;
    }

    Job jobCreated(JobType type, Duration age) {
        JobPayload payload =
                switch (type) {
                    case QUICK -> new JobPayload.Quick("shopify", "stuck", "ce@example.com");
                    case CLONE -> new JobPayload.Clone(Ids.demoId(), "shopify", "stuck", "ce@example.com");
                    case CUSTOM -> new JobPayload.Custom("stuck", "Retail", null, null, List.of(), "ce@example.com");
                    case PIPELINE -> pipeline(Ids.jobId());
                    case READINESS -> new JobPayload.Readiness(Ids.demoId(), "ce@example.com");
                };
        return jobCreated(type, age, payload);
    }

    static JobPayload.Pipeline pipeline(String pipelineId) {
        return new JobPayload.Pipeline(
                pipelineId,
                "gcp",
                "example",
                "dryrun",
                "ce@example.com",
                java.time.LocalDate.of(2026, 1, 1),
                "ce@example.com");
    }

    Job rereadJob(Job j) {
        return stores.jobs().find(j.jobId()).orElseThrow();
    }

    @Test
    void aJobStillQueuedPastItsQueuesRetryWindowFailsWithItsDemoAndAReason() {
        Job quick = jobCreated(JobType.QUICK, Duration.ofHours(3));
        Job custom = jobCreated(JobType.CUSTOM, Duration.ofHours(7));

        CleanupReport report = cleanup().run(RunRecorder.CRON);

        assertThat(report.jobsFailed()).isEqualTo(2);
        assertThat(report.errors()).isZero();
        for (Job j : List.of(quick, custom)) {
            Job after = rereadJob(j);
            assertThat(after.status()).isEqualTo(com.capidemo.core.domain.JobStatus.FAILED);
            assertThat(after.error()).contains("never picked up by a worker").contains("gives up on a job");
            Demo demo = stores.demos().find(j.demoId()).orElseThrow();
            assertThat(demo.status()).isEqualTo(DemoStatus.FAILED);
        }
        assertThat(rereadJob(quick).error()).contains("quick-job queue").contains("2 h");
        assertThat(rereadJob(custom).error()).contains("custom-job queue").contains("6 h");
        assertThat(stores.jobs().activeJobFor(quick.demoId())).isEmpty();
    }

    @Test
    void aJobInsideItsQueuesRetryWindowIsLeftToTheQueue() {
        Job quick = jobCreated(JobType.QUICK, Duration.ofMinutes(110));
        Job pipeline = jobCreated(JobType.PIPELINE, Duration.ofHours(5));

        assertThat(cleanup().run(RunRecorder.CRON).jobsFailed()).isZero();

        assertThat(rereadJob(quick).status()).isEqualTo(com.capidemo.core.domain.JobStatus.QUEUED);
        assertThat(rereadJob(pipeline).status()).isEqualTo(com.capidemo.core.domain.JobStatus.QUEUED);
        // the same jobs once the windows have passed
        clock.advance(Duration.ofHours(1));
        assertThat(cleanup().run(RunRecorder.CRON).jobsFailed()).isEqualTo(2);
    }

    @Test
    void aRunningJobFailsOnlyOnceItsWorkerStoppedRenewingTheLease() {
        Job crashed = jobCreated(JobType.QUICK, Duration.ofHours(3));
        Job longRun = jobCreated(JobType.CUSTOM, Duration.ofHours(8));
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofHours(2)));
        assertThat(stores.jobs()
                        .claim(crashed.jobId(), "worker-a", Duration.ofMinutes(5))
                        .kind())
                .isEqualTo(com.capidemo.core.port.ClaimOutcome.Kind.CLAIMED);
        clock.set(now.minus(Duration.ofMinutes(1)));
        assertThat(stores.jobs()
                        .claim(longRun.jobId(), "worker-b", Duration.ofMinutes(5))
                        .kind())
                .isEqualTo(com.capidemo.core.port.ClaimOutcome.Kind.CLAIMED);
        clock.set(now);

        assertThat(cleanup().run(RunRecorder.CRON).jobsFailed()).isEqualTo(1);

        assertThat(rereadJob(crashed).status()).isEqualTo(com.capidemo.core.domain.JobStatus.FAILED);
        assertThat(rereadJob(crashed).error()).contains("its worker stopped after attempt 1");
        assertThat(rereadJob(longRun).status())
                .as("a live lease is a worker still at it")
                .isEqualTo(com.capidemo.core.domain.JobStatus.RUNNING);
        // the worker finishes later: the failed job's lease holder can no longer complete it, nor can anyone claim it
        assertThat(stores.jobs().complete(crashed.jobId(), "worker-a", Map.of(), null))
                .isFalse();
        assertThat(stores.jobs()
                        .claim(crashed.jobId(), "worker-c", Duration.ofMinutes(5))
                        .kind())
                .isNotEqualTo(com.capidemo.core.port.ClaimOutcome.Kind.CLAIMED);
    }

    @Test
    void anAbandonedReadinessJobFailsWithAReasonAndItsDemoStaysReadyAndDeletable() {
        Instant now = clock.instant();
        Demo ready = new Demo(
                Ids.demoId(),
                "acme",
                "ce@example.com",
                "scored later",
                "Retail",
                "shopify",
                null,
                null,
                DemoStatus.READY,
                now.minus(Duration.ofHours(8)),
                now.minus(Duration.ofHours(8)),
                null,
                false,
                List.of(),
                Map.of());
        assertThat(stores.demos().create(ready)).isTrue();
        clock.set(now.minus(Duration.ofHours(7)));
        Job readiness = Job.queued(
                com.capidemo.core.service.ReadinessJobs.jobIdFor(ready.demoId()),
                null,
                "acme",
                new JobPayload.Readiness(ready.demoId(), "ce@example.com"),
                clock.instant());
        assertThat(stores.jobs().create(readiness)).isTrue();
        clock.set(now);
        assertThat(stores.jobs().activeJobFor(ready.demoId()))
                .as("a readiness job never holds its demo")
                .isEmpty();

        assertThat(cleanup().run(RunRecorder.CRON).jobsFailed()).isEqualTo(1);

        Job after = rereadJob(readiness);
        assertThat(after.status()).isEqualTo(com.capidemo.core.domain.JobStatus.FAILED);
        assertThat(after.error()).contains("never picked up by a worker").contains("custom-job queue");
        Demo demo = reread(ready);
        assertThat(demo.status()).as("the demo stays ready").isEqualTo(DemoStatus.READY);
        assertThat(demo.readiness()).as("its readiness stays unknown").isNull();
    }

    @Test
    void failingAnAbandonedPipelineRunReleasesItsPipelineLock() {
        String key = "acme-gcp-example-dryrun";
        Job stuck = jobCreated(JobType.PIPELINE, Duration.ofHours(7), pipeline(key));
        Job next = Job.queued(Ids.jobId(), null, "acme", pipeline(key), clock.instant());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stores.jobs().create(next))
                .isInstanceOf(com.capidemo.core.port.DuplicateJobException.class);

        assertThat(cleanup().run(RunRecorder.CRON).jobsFailed()).isEqualTo(1);

        assertThat(rereadJob(stuck).status()).isEqualTo(com.capidemo.core.domain.JobStatus.FAILED);
        assertThat(stores.jobs().create(next)).isTrue();
    }

    @Test
    void twoCleanupsAtOnceFailEachAbandonedJobOnce() throws Exception {
        List<Job> stuck = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stuck.add(jobCreated(i % 2 == 0 ? JobType.QUICK : JobType.CLONE, Duration.ofHours(3 + i)));
        }
        Job fresh = jobCreated(JobType.QUICK, Duration.ofMinutes(5));

        List<CleanupReport> reports = concurrently(2, () -> cleanup().run(RunRecorder.HTTP));

        assertThat(reports.stream().mapToLong(CleanupReport::jobsFailed).sum()).isEqualTo(12);
        assertThat(reports).allSatisfy(r -> assertThat(r.errors()).isZero());
        assertThat(stuck)
                .allSatisfy(
                        j -> assertThat(rereadJob(j).status()).isEqualTo(com.capidemo.core.domain.JobStatus.FAILED));
        assertThat(rereadJob(fresh).status()).isEqualTo(com.capidemo.core.domain.JobStatus.QUEUED);
        // one "Job failed" line per job: nobody failed a job twice
        assertThat(stuck)
                .allSatisfy(j -> assertThat(rereadJob(j).logs())
                        .filteredOn(l -> l.message().startsWith("Job failed"))
                        .hasSize(1));
    }

    @Test
    void aDemoWhoseDeletionBeganCannotBeRestoredAndTheNextRunFinishesIt() {
        Demo demo = archived("half deleted", 181);
        // A run that crashed after marking the demo (before dropping anything) ...
        assertThat(stores.demos().startDeletion(demo.demoId(), policy.deleteCutoff(NOW), NOW))
                .isTrue();
        assertThat(stores.demos().restore(demo.demoId(), NOW))
                .as("restore once deletion began")
                .isFalse();
        assertThat(reread(demo).status()).isEqualTo(DemoStatus.ARCHIVED);

        // ... is finished by the next one.
        clock.advance(Duration.ofDays(1));
        assertThat(cleanup().run(RunRecorder.CRON).deleted()).isEqualTo(1);
        assertThat(reread(demo).status()).isEqualTo(DemoStatus.DELETED);
        assertThat(datasets.datasetExists(demo.datasetId())).isFalse();
    }

    @Test
    void aDemoRestoredBeforeTheDeletionWriteIsNotDeleted() {
        Demo demo = archived("restored in time", 185);
        assertThat(stores.demos().restore(demo.demoId(), NOW)).isTrue();

        DemoDeletion deletion = new DemoDeletion(stores.demos(), stores.jobs(), datasets, agents, clock);
        assertThat(deletion.deleteArchived(demo.demoId(), policy.deleteCutoff(NOW)))
                .isEqualTo(DemoDeletion.Outcome.NOT_DUE);
        assertThat(reread(demo).status()).isEqualTo(DemoStatus.READY);
        assertThat(datasets.datasetExists(demo.datasetId())).isTrue();
        assertThat(agents.find(demo.agentId())).isPresent();
    }

    @Test
    void ownersAreWarnedOncePerDemoAndCycleWithinTheWeekBeforeArchival() {
        Demo sevenDaysLeft = ready("seven days left", 83);
        Demo sixDaysLeft = ready("six days left", 84);
        Demo overdue = ready("overdue", 95);
        Demo eightDaysLeft = ready("eight days left", 82);
        seed("pinned", DemoStatus.READY, Duration.ofDays(85), null, true, null);
        seed("template", DemoStatus.READY, Duration.ofDays(85), null, false, "tmpl_saas");

        WarningsReport first = warnings().run(RunRecorder.CRON);
        WarningsReport second = warnings().run(RunRecorder.CRON);

        assertThat(first.warningsSent()).isEqualTo(3);
        assertThat(first.delivered()).isEqualTo(3);
        assertThat(second.warningsSent()).as("a second run").isZero();
        assertThat(second.delivered()).isZero();
        List<Notification> inbox =
                stores.notifications().listForRecipient("acme", "ce@example.com", Optional.empty(), 10);
        assertThat(inbox)
                .extracting(Notification::demoId)
                .containsExactlyInAnyOrder(sevenDaysLeft.demoId(), sixDaysLeft.demoId(), overdue.demoId());
        Notification six = inbox.stream()
                .filter(n -> n.demoId().equals(sixDaysLeft.demoId()))
                .findFirst()
                .orElseThrow();
        assertThat(six.message()).contains("six days left").contains("in 6 days");
        assertThat(six.archiveOn()).isEqualTo(sixDaysLeft.lastUsed().plus(Duration.ofDays(90)));
        assertThat(six.deliveredAt()).isEqualTo(NOW);
        assertThat(publishedNotifications()).isEqualTo(3);

        // Used again, the demo starts a new cycle: warned again when that one nears its end. The demos still in their
        // first cycle are not warned again; the one that was eight days away now is.
        stores.demos().touch(sixDaysLeft.demoId(), NOW);
        clock.advance(Duration.ofDays(84));
        WarningsReport nextCycle = warnings().run(RunRecorder.CRON);
        List<Notification> later =
                stores.notifications().listForRecipient("acme", "ce@example.com", Optional.empty(), 10);
        assertThat(later)
                .filteredOn(n -> n.demoId().equals(sixDaysLeft.demoId()))
                .hasSize(2);
        assertThat(later)
                .filteredOn(n -> n.demoId().equals(eightDaysLeft.demoId()))
                .hasSize(1);
        assertThat(nextCycle.warningsSent()).isEqualTo(2);
    }

    @Test
    void twoWarningRunsAtOnceWarnEachOwnerOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            ready("expiring " + i, 84);
        }

        List<WarningsReport> reports = concurrently(2, () -> warnings().run(RunRecorder.HTTP));

        assertThat(reports.stream().mapToLong(WarningsReport::warningsSent).sum())
                .isEqualTo(20);
        assertThat(reports.stream().mapToLong(WarningsReport::delivered).sum())
                .as("published once each")
                .isEqualTo(20);
        assertThat(publishedNotifications()).isEqualTo(20);
        assertThat(stores.notifications().listForRecipient("acme", "ce@example.com", Optional.empty(), 100))
                .hasSize(20);
    }

    private long publishedNotifications() {
        return local.read(c -> {
            try (var st = c.prepareStatement("SELECT count(*) FROM events WHERE topic = 'demo-notifications'");
                    var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static <T> List<T> concurrently(int n, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
