package com.capidemo.core.port;

import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.StepRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Checkpoints of pipeline steps. Every write is conditional on the caller holding the job's lease, so a worker that
 * lost its job can never overwrite the new owner's checkpoints; a completed step is never written again.
 */
public interface StepStore {

    /** The job's step checkpoints in pipeline order. */
    List<StepRecord> list(String jobId);

    /**
     * Marks the step running (counting the attempt) unless it already completed; false when the caller does not hold
     * the job's lease or the step is completed.
     */
    boolean start(String jobId, String stepId, int position, String type, String owner, Instant now);

    /** running → completed with its output and log lines; false when the caller lost the lease. */
    boolean complete(
            String jobId, String stepId, String owner, Map<String, Object> output, List<JobLog> logs, Instant now);

    /** running → failed with the reason and log lines; false when the caller lost the lease. */
    boolean fail(String jobId, String stepId, String owner, String error, List<JobLog> logs, Instant now);
}
