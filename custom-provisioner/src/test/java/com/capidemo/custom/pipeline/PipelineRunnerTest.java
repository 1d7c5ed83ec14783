package com.capidemo.custom.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.StepRecord;
import com.capidemo.core.domain.StepStatus;
import com.capidemo.core.pipeline.PipelineDefinition;
import com.capidemo.core.pipeline.StepDefinition;
import com.capidemo.core.port.ClaimOutcome;
import com.capidemo.core.service.LeaseLostException;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.custom.pipeline.StepContext.StepOutput;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.local.SqliteJobStore;
import com.capidemo.local.SqliteStepStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineRunnerTest {

    /** Stands for a worker process dying mid-step: not an Exception, so nothing catches it and nothing is written. */
    static class SimulatedCrash extends Error {}

    @TempDir
    Path dir;

    /** The jobs' time: a lease runs out when the test moves it, not while the test sleeps. */
    private final MutableClock clock = new MutableClock(Instant.now());

    private SqliteJobStore jobs;
    private SqliteStepStore steps;
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private volatile String crashAt;
    private volatile String failAt;

    /** Each output is built from a variable and the previous output, so a resumed run must see every stored one. */
    private final PipelineStep work = new PipelineStep() {
        @Override
        public String type() {
            return "work";
        }

        @Override
        public Map<String, Object> run(StepContext context) {
            String id = context.step().id();
            runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (id.equals(crashAt)) {
                crashAt = null;
                throw new SimulatedCrash();
            }
            if (id.equals(failAt)) {
                failAt = null;
                throw new java.io.UncheckedIOException(new java.io.IOException("disk hiccup"));
            }
            String upstream = context.variable("tenant_id");
            context.log("working on " + id);
            String previous = id.equals("s1") ? "" : context.outputOf(StepKey.of("work", "value", String.class));
            return Map.of("value", id + "<" + upstream + ">[" + previous + "]");
        }
    };

    private final PipelineStep halting = new PipelineStep() {
        @Override
        public String type() {
            return "halting";
        }

        @Override
        public Map<String, Object> run(StepContext context) {
            return Map.of(PipelineRunner.HALT, "2 checks failed");
        }
    };

    private PipelineRunner runner;

    @BeforeEach
    void setUp() {
        SqliteDatabase db = new SqliteDatabase(dir.resolve("platform.db"));
        jobs = new SqliteJobStore(db, clock);
        steps = new SqliteStepStore(db);
        runner = new PipelineRunner(steps, new StepRegistry(List.of(work, halting)), Clock.systemUTC());
    }

    private static PipelineDefinition fourSteps() {
        return new PipelineDefinition("test", null, List.of(step("s1"), step("s2"), step("s3"), step("s4")));
    }

    private static StepDefinition step(String id) {
        return new StepDefinition(id, "work", null, Map.of());
    }

    private Job newJob() {
        Job job = Job.queued(
                Ids.jobId(),
                null,
                "acme",
                new JobPayload.Pipeline(null, null, null, null, null, null, null),
                Instant.now());
        jobs.create(job);
        return job;
    }

    private Job claim(Job job, String owner, Duration lease) {
        ClaimOutcome claim = jobs.claim(job.jobId(), owner, lease);
        assertThat(claim.kind()).isEqualTo(ClaimOutcome.Kind.CLAIMED);
        return claim.job();
    }

    private Map<String, StepOutput> run(Job job, String owner, Duration lease) {
        try (LeaseKeeper keeper = new LeaseKeeper(jobs, job.jobId(), owner, lease)) {
            return runner.run(job, owner, fourSteps(), Map.of("tenant_id", "acme"), keeper);
        }
    }

    private static Map<String, Object> values(Map<String, StepOutput> outputs) {
        return outputs.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().output().get("value")));
    }

    @ParameterizedTest(name = "crash in step {0}")
    @ValueSource(strings = {"s1", "s2", "s3", "s4"})
    void aRunResumedAfterACrashSkipsFinishedStepsAndEndsLikeAnUninterruptedRun(String crashStep) {
        Map<String, Object> uninterrupted =
                values(run(claim(newJob(), "w0", Duration.ofSeconds(30)), "w0", Duration.ofSeconds(30)));
        runs.clear();

        Job job = newJob();
        crashAt = crashStep;
        Job claimed = claim(job, "w1", Duration.ofMillis(300));
        assertThatThrownBy(() -> run(claimed, "w1", Duration.ofMillis(300))).isInstanceOf(SimulatedCrash.class);
        clock.advance(Duration.ofMillis(400)); // the dead worker's lease runs out; the redelivered task claims the job

        Map<String, Object> resumed =
                values(run(claim(job, "w2", Duration.ofSeconds(30)), "w2", Duration.ofSeconds(30)));

        assertThat(resumed).isEqualTo(uninterrupted);
        for (String id : List.of("s1", "s2", "s3", "s4")) {
            assertThat(runs.get(id).get()).as("runs of %s", id).isEqualTo(id.equals(crashStep) ? 2 : 1);
        }
        List<StepRecord> records = steps.list(job.jobId());
        assertThat(records).extracting(StepRecord::stepId).containsExactly("s1", "s2", "s3", "s4");
        assertThat(records).allMatch(r -> r.status() == StepStatus.COMPLETED);
        assertThat(records)
                .filteredOn(r -> r.stepId().equals(crashStep))
                .singleElement()
                .satisfies(r -> assertThat(r.attempts()).isEqualTo(2));
        assertThat(jobs.find(job.jobId()).orElseThrow().progress()).isEqualTo(100);
    }

    @Test
    void aFailingStepIsCheckpointedAsFailedAndTheRetryResumesThere() {
        Job job = newJob();
        failAt = "s3";
        Job claimed = claim(job, "w1", Duration.ofSeconds(30));
        assertThatThrownBy(() -> run(claimed, "w1", Duration.ofSeconds(30)))
                .isInstanceOf(StepFailedException.class)
                .hasMessageContaining("s3")
                .hasMessageContaining("disk hiccup");
        assertThat(steps.list(job.jobId()))
                .extracting(StepRecord::status)
                .containsExactly(StepStatus.COMPLETED, StepStatus.COMPLETED, StepStatus.FAILED);
        assertThat(steps.list(job.jobId()).get(2).error()).contains("disk hiccup");

        run(claimed, "w1", Duration.ofSeconds(30)); // the retry: same worker still holds the lease
        assertThat(runs.get("s1").get()).isEqualTo(1);
        assertThat(runs.get("s3").get()).isEqualTo(2);
        assertThat(runs.get("s4").get()).isEqualTo(1);
    }

    @Test
    void aWorkerThatLostItsLeaseCannotCheckpoint() {
        Job job = newJob();
        Job claimed = claim(job, "slow", Duration.ofMillis(200));
        clock.advance(Duration.ofMillis(300));
        claim(job, "new-owner", Duration.ofSeconds(30));
        assertThatThrownBy(() -> runner.run(
                        claimed,
                        "slow",
                        fourSteps(),
                        Map.of("tenant_id", "acme"),
                        new LeaseKeeper(jobs, job.jobId(), "slow", Duration.ofSeconds(30))))
                .isInstanceOf(LeaseLostException.class);
        assertThat(steps.list(job.jobId())).isEmpty();
        assertThat(runs).isEmpty();
    }

    @Test
    void aStepAskingToHaltStopsThePipelineAfterItsCheckpoint() {
        Job job = newJob();
        PipelineDefinition pipeline = new PipelineDefinition(
                "dq", null, List.of(step("s1"), new StepDefinition("dq", "halting", null, Map.of()), step("s2")));
        Job claimed = claim(job, "w1", Duration.ofSeconds(30));
        try (LeaseKeeper keeper = new LeaseKeeper(jobs, job.jobId(), "w1", Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> runner.run(claimed, "w1", pipeline, Map.of("tenant_id", "acme"), keeper))
                    .isInstanceOf(PipelineHaltedException.class)
                    .hasMessageContaining("2 checks failed");
        }
        assertThat(steps.list(job.jobId())).extracting(StepRecord::stepId).containsExactly("s1", "dq");
        assertThat(runs.get("s2")).isNull();
    }
}
