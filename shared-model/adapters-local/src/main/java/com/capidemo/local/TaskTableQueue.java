package com.capidemo.local;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Job;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.TaskDelivery;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TaskRequest;
import com.capidemo.core.service.JobFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The local custom-job queue when the jobs live in another store (platform.store=firestore with
 * platform.queue.custom.transport=local, as {@code ./platform up --gcp-emulators} runs it): the task table is the
 * queue's own storage, standing in for Cloud Tasks, and the jobs stay where the store keeps them. It behaves like
 * {@code CloudTasksQueue}: the demo and the job are stored first, then the task is added (its name is its key, so a
 * retried submit adds none); the two share no transaction, so a task that cannot be added fails the job at once
 * instead of leaving it queued. {@link TaskDispatcher} delivers the tasks and fails their jobs through the same store
 * ports.
 */
@Typed(TaskTableQueue.class)
@ApplicationScoped
public class TaskTableQueue implements TaskQueue {

    private final SqliteDatabase db;
    private final JobStore jobs;
    private final DemoStore demos;
    private final String queue;
    private final TaskDispatcher dispatcher;
    private final Clock clock;

    public TaskTableQueue(
            SqliteDatabase db,
            JobStore jobs,
            DemoStore demos,
            PlatformConfig config,
            TaskDispatcher dispatcher,
            Clock clock) {
        this.db = db;
        this.jobs = jobs;
        this.demos = demos;
        this.queue = config.queue().custom().name();
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void submit(Demo demo, Job job, TaskRequest task) {
        if (demo != null) {
            demos.create(demo);
        }
        // May throw DuplicateJobException: nothing is enqueued then. False (the job exists) means a retried submit,
        // which must still enqueue: the task name makes that a no-op when the first attempt got through.
        jobs.create(job);
        Instant now = clock.instant();
        try {
            db.write(c -> {
                SqliteTaskQueue.insertTask(c, queue, task, job.jobId(), now);
                return null;
            });
        } catch (RuntimeException e) {
            String reason = "could not add the task to the local task queue " + queue + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            JobFailures.failWithDemo(jobs, demos, job.jobId(), reason);
            throw new IllegalStateException(reason, e);
        }
        dispatcher.wake();
    }

    /**
     * {@link TaskDispatcher} honours a 503 or 429 with Retry-After: it sends the task again then without counting an
     * attempt, for at most platform.queue.custom.max-deferral in all.
     */
    @Override
    public Deferral defer(TaskDelivery delivery, Duration wait) {
        return new Deferral.AskAgainAfter(wait);
    }
}
