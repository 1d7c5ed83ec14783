package com.capidemo.core.port;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One delivery of a custom-queue task as its worker received it: the endpoint it reached ({@code path}), the job its
 * body names, and, when the task is a deferral of an earlier one ({@link TaskQueue#defer}), how many deferrals came
 * before it and when the first of them was made (both carried in the body as {@code deferrals} and
 * {@code deferred_since}).
 */
public record TaskDelivery(String path, String jobId, int deferrals, Optional<Instant> deferredSince) {

    public static final String DEFERRALS = "deferrals";
    public static final String DEFERRED_SINCE = "deferred_since";

    public TaskDelivery {
        if (deferrals < 0) {
            throw new IllegalArgumentException("deferrals must not be negative: " + deferrals);
        }
        deferredSince = deferredSince == null ? Optional.empty() : deferredSince;
    }

    /** A first delivery of the job's task (no deferral before it). */
    public static TaskDelivery of(String path, String jobId) {
        return new TaskDelivery(path, jobId, 0, Optional.empty());
    }

    /**
     * The name of the task that delivers the job again after this delivery is deferred: derived from the job and the
     * deferral's number only, so every redelivery (or duplicate run) of this task names the same next task, and the
     * queue keeps one. {@code job-{job}-d{n}}, or, should that not fit a well-formed id, {@code d{n}-} and a hash of
     * the job's task name.
     */
    public String deferredTaskName() {
        int next = deferrals + 1;
        String base = TaskRequest.nameFor(jobId);
        String name = base + "-d" + next;
        return Ids.isWellFormed(name)
                ? name
                : "d" + next + "-" + Ids.sha256(base).substring(0, 40);
    }

    /** The body of the task that delivers the job again: its job, the deferral's number and the first one's time. */
    public byte[] deferredBody(Instant firstDeferral) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", jobId);
        body.put(DEFERRALS, deferrals + 1);
        body.put(DEFERRED_SINCE, deferredSince.orElse(firstDeferral).toString());
        return Json.bytes(body);
    }
}
