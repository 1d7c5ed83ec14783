package com.capidemo.core.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint of one pipeline step of a job: what it produced ({@code output}, read by later steps and by a
 * resumed run), its log lines and timing.
 */
public record StepRecord(
        String jobId,
        String stepId,
        int position,
        String type,
        StepStatus status,
        int attempts,
        Instant startedAt,
        Instant endedAt,
        Map<String, Object> output,
        List<JobLog> logs,
        String error) {

    public StepRecord {
        output = output == null ? Map.of() : output;
        logs = logs == null ? List.of() : List.copyOf(logs);
    }

    @JsonIgnore
    public boolean completed() {
        return status == StepStatus.COMPLETED;
    }

    /** The typed fields of {@link #output} (rows processed, data-quality results, dataset, agent, halt). */
    @JsonIgnore
    public StepSummary summary() {
        return StepSummary.of(output);
    }

    @JsonProperty("duration_ms")
    public Long durationMillis() {
        return startedAt == null || endedAt == null ? null : endedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
