package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.StepRecord;
import com.capidemo.core.domain.StepStatus;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.ClaimOutcome.Kind;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.StepStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StepStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators): checkpoints
 * written only by the job's lease holder, completed steps never rewritten, attempts counted, pipeline order kept.
 */
public abstract class StepStoreContract {

    protected abstract JobStore jobs();

    protected abstract StepStore steps();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private Job job;

    @BeforeEach
    void runningJob() {
        job = Job.queued(
                Ids.jobId(), Ids.demoId(), "acme", new JobPayload.Custom(null, null, null, null, null, null), now);
        assertThat(jobs().create(job)).isTrue();
        assertThat(jobs().claim(job.jobId(), "a", Duration.ofMinutes(5)).kind()).isEqualTo(Kind.CLAIMED);
    }

    private StepRecord step(String stepId) {
        return steps().list(job.jobId()).stream()
                .filter(s -> s.stepId().equals(stepId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aStartedStepIsRunningWithItsFirstAttempt() {
        assertThat(steps().start(job.jobId(), "extract", 0, "sql", "a", now)).isTrue();

        StepRecord s = step("extract");
        assertThat(s.status()).isEqualTo(StepStatus.RUNNING);
        assertThat(s.attempts()).isEqualTo(1);
        assertThat(s.type()).isEqualTo("sql");
        assertThat(s.startedAt()).isEqualTo(now);
        assertThat(s.endedAt()).isNull();
    }

    @Test
    void aCompletedStepKeepsItsOutputAndLogsAndNestedValuesRoundTrip() {
        Map<String, Object> output = Map.of(
                "rows",
                42,
                "ratio",
                0.25,
                "ok",
                true,
                "table",
                "orders",
                "columns",
                List.of("id", "amount"),
                "stats",
                Map.of("min", 1, "tags", List.of(Map.of("k", "v"))));
        steps().start(job.jobId(), "load", 0, "load", "a", now);
        assertThat(steps().complete(
                                job.jobId(),
                                "load",
                                "a",
                                output,
                                List.of(JobLog.info(now, "loaded 42 rows")),
                                now.plusSeconds(2)))
                .isTrue();

        StepRecord s = step("load");
        assertThat(s.status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(Json.map(Json.write(s.output()))).as("the output, as JSON").isEqualTo(Json.map(Json.write(output)));
        assertThat(s.logs()).extracting(JobLog::message).containsExactly("loaded 42 rows");
        assertThat(s.logs().get(0).ts()).isEqualTo(now);
        assertThat(s.durationMillis()).isEqualTo(2000L);
    }

    @Test
    void aCompletedStepIsNeverStartedOrWrittenAgain() {
        steps().start(job.jobId(), "load", 0, "load", "a", now);
        steps().complete(job.jobId(), "load", "a", Map.of("rows", 1), List.of(), now);

        assertThat(steps().start(job.jobId(), "load", 0, "load", "a", now)).isFalse();
        assertThat(steps().complete(job.jobId(), "load", "a", Map.of("rows", 2), List.of(), now))
                .isFalse();
        assertThat(steps().fail(job.jobId(), "load", "a", "late", List.of(), now))
                .isFalse();
        StepRecord s = step("load");
        assertThat(s.status()).isEqualTo(StepStatus.COMPLETED);
        assertThat(s.attempts()).isEqualTo(1);
        assertThat(s.output()).containsKey("rows");
        assertThat(((Number) s.output().get("rows")).intValue()).isEqualTo(1);
    }

    @Test
    void aFailedStepRestartsAndCountsTheAttempt() {
        steps().start(job.jobId(), "call_api", 0, "http", "a", now);
        assertThat(steps().fail(job.jobId(), "call_api", "a", "timeout", List.of(), now))
                .isTrue();
        assertThat(step("call_api").status()).isEqualTo(StepStatus.FAILED);
        assertThat(step("call_api").error()).isEqualTo("timeout");

        assertThat(steps().start(job.jobId(), "call_api", 0, "http", "a", now.plusSeconds(5)))
                .isTrue();
        StepRecord again = step("call_api");
        assertThat(again.status()).isEqualTo(StepStatus.RUNNING);
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.error()).isNull();
        assertThat(again.startedAt()).isEqualTo(now.plusSeconds(5));
    }

    @Test
    void onlyTheLeaseHolderCanStartCompleteOrFailAStep() {
        assertThat(steps().start(job.jobId(), "extract", 0, "sql", "b", now)).isFalse();
        assertThat(steps().list(job.jobId())).isEmpty();

        steps().start(job.jobId(), "extract", 0, "sql", "a", now);
        assertThat(steps().complete(job.jobId(), "extract", "b", Map.of(), List.of(), now))
                .isFalse();
        assertThat(steps().fail(job.jobId(), "extract", "b", "not mine", List.of(), now))
                .isFalse();
        assertThat(step("extract").status()).isEqualTo(StepStatus.RUNNING);
    }

    @Test
    void aWorkerThatLostTheLeaseCannotWriteTheNewOwnersCheckpoints() {
        steps().start(job.jobId(), "extract", 0, "sql", "a", now);
        jobs().release(job.jobId(), "a", null);
        assertThat(jobs().claim(job.jobId(), "b", Duration.ofMinutes(5)).kind()).isEqualTo(Kind.CLAIMED);

        assertThat(steps().complete(job.jobId(), "extract", "a", Map.of(), List.of(), now))
                .isFalse();
        assertThat(steps().start(job.jobId(), "extract", 0, "sql", "b", now)).isTrue();
        assertThat(steps().complete(job.jobId(), "extract", "b", Map.of("by", "b"), List.of(), now))
                .isTrue();
        assertThat(step("extract").output()).containsEntry("by", "b");
        assertThat(step("extract").attempts()).isEqualTo(2);
    }

    @Test
    void noStepIsWrittenForAJobThatIsNotRunning() {
        Job queued = Job.queued(
                Ids.jobId(), Ids.demoId(), "acme", new JobPayload.Custom(null, null, null, null, null, null), now);
        jobs().create(queued);
        assertThat(steps().start(queued.jobId(), "extract", 0, "sql", "a", now)).isFalse();
        assertThat(steps().complete(job.jobId(), "never_started", "a", Map.of(), List.of(), now))
                .isFalse();
        assertThat(steps().list("job_missing")).isEmpty();
    }

    @Test
    void stepsAreListedInPipelineOrder() {
        steps().start(job.jobId(), "publish", 2, "export", "a", now);
        steps().start(job.jobId(), "extract", 0, "sql", "a", now);
        steps().start(job.jobId(), "transform", 1, "sql", "a", now);

        assertThat(steps().list(job.jobId()))
                .extracting(StepRecord::stepId)
                .containsExactly("extract", "transform", "publish");
        assertThat(steps().list(job.jobId())).extracting(StepRecord::jobId).containsOnly(job.jobId());
    }
}
