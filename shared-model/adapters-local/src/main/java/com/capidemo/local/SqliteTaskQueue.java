package com.capidemo.local;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Job;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.TaskDelivery;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TaskRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The local custom-job queue's enqueuing side: demo, job and task are written in one SQLite transaction, so a job
 * never exists without its task; the task's primary key is its name, so enqueueing the same task twice is a no-op.
 */
@Typed(SqliteTaskQueue.class)
@ApplicationScoped
public class SqliteTaskQueue implements TaskQueue {

    private final SqliteDatabase db;
    private final String queue;
    private final TaskDispatcher dispatcher;
    private final Clock clock;

    public SqliteTaskQueue(SqliteDatabase db, PlatformConfig config, TaskDispatcher dispatcher, Clock clock) {
        this.db = db;
        this.queue = config.queue().custom().name();
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void submit(Demo demo, Job job, TaskRequest task) {
        Instant now = clock.instant(); // the dispatcher's time: due at once
        db.write(c -> {
            SqliteJobStore.insert(c, job); // first: throws DuplicateJobException before anything is written
            if (demo != null) {
                SqliteDemoStore.insert(c, demo);
            }
            insertTask(c, queue, task, job.jobId(), now);
            return null;
        });
        dispatcher.wake();
    }

    /**
     * Adds a task due at {@code now} to the task table (a no-op when a task of that name exists), carrying the current
     * trace so the dispatched request continues it.
     */
    static void insertTask(Connection c, String queue, TaskRequest task, String jobId, Instant now)
            throws SQLException {
        Sql.update(
                c,
                """
                INSERT INTO tasks(task_name, queue, path, body, job_id, status, attempts, next_attempt_at, created_at,
                                  traceparent)
                VALUES (?,?,?,?,?,'pending',0,?,?,?) ON CONFLICT(task_name) DO NOTHING""",
                task.name(),
                queue,
                task.path(),
                task.body(),
                jobId,
                now,
                now,
                TraceContext.currentTraceparent().orElse(null));
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
