package com.capidemo.core.port;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Job;
import java.time.Duration;
import java.time.Instant;

/**
 * The custom-job queue (Cloud Tasks, or the local task table and dispatcher that behaves like it): records the
 * demo (null for a pipeline run) and the job, and enqueues one HTTP task that runs the job on custom-provisioner.
 * The task's name is derived from the job id, so an enqueue that is retried can never create a second task.
 */
public interface TaskQueue {

    /**
     * @throws DuplicateJobException when the job carries an exclusive key (a pipeline id) that an unfinished job
     *                               already holds; nothing is stored then
     */
    void submit(Demo demo, Job job, TaskRequest task);

    /**
     * A worker cannot run {@code delivery} now (a pacing refusal: the chat quota has no room) and wants its job
     * delivered again no sooner than {@code wait} from now, without that using one of the queue's attempts. The
     * queue either schedules the job's next delivery itself ({@link Deferral.Rescheduled}: the worker answers the
     * current delivery 2xx) or honours a {@code Retry-After} answer ({@link Deferral.AskAgainAfter}: the worker
     * answers 503 with it). Safe to repeat for the same delivery (a redelivery, or two runs of one task): it still
     * leaves one next delivery. Bounding the total deferral is the worker's part, from
     * {@link TaskDelivery#deferredSince()}.
     *
     * @throws RuntimeException when the queue could not take the deferral; the worker then answers 503 and the queue
     *                          retries the current delivery as a failed attempt
     */
    Deferral defer(TaskDelivery delivery, Duration wait);

    /** How a worker answers a delivery it deferred. */
    sealed interface Deferral {

        /**
         * Task {@code taskName} delivers the job again, at {@code at} (when the task already existed, at the time it
         * was first scheduled for): answer the current delivery 2xx.
         */
        record Rescheduled(String taskName, Instant at) implements Deferral {}

        /** This queue honours Retry-After without counting an attempt: answer 503 with {@code retryAfter}. */
        record AskAgainAfter(Duration retryAfter) implements Deferral {}
    }
}
