package com.capidemo.local;

import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.adapter.Port;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.messaging.CloudTasksHeaders;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.JobFailures;
import com.capidemo.core.web.SharedSecretWorkerAuthenticator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Dispatches local tasks the way a Cloud Tasks HTTP queue does: POSTs the body to custom-provisioner with the
 * X-CloudTasks-* headers, at most {@code max-dispatches-per-second} and {@code max-concurrent-dispatches}; a 2xx
 * finishes the task, anything else (or no answer within the dispatch deadline) is retried with exponential backoff
 * until {@code max-attempts}, after which the task fails and so does its job. A 503 or 429 with {@code Retry-After} is a
 * worker's pacing refusal ("come back then"), not a failure: the task is sent again at that time without using up an
 * attempt, until it has been deferred {@code max-deferral} in all (measured from its first deferral), after which such
 * answers count as failed attempts again, so a worker that always defers cannot keep a task alive for ever.
 */
@Singleton
public class TaskDispatcher extends DurableHttpDispatcher<TaskRow> {

    public static final String QUEUE_HEADER = CloudTasksHeaders.QUEUE;
    public static final String TASK_HEADER = CloudTasksHeaders.TASK;
    public static final String RETRY_COUNT_HEADER = CloudTasksHeaders.RETRY_COUNT;
    public static final String EXECUTION_COUNT_HEADER = CloudTasksHeaders.EXECUTION_COUNT;

    /** The shortest deferral, so a Retry-After of 0 (or a date already past) does not resend at once in a loop. */
    static final Duration MIN_DEFERRAL = Duration.ofSeconds(1);

    private final SqliteDatabase db;
    private final PlatformConfig.Custom config;
    private final JobStore jobs;
    private final DemoStore demos;
    private final MeterRegistry metrics;
    private final Optional<String> secret;
    private final TokenBucket rate;
    private final boolean selected;

    public TaskDispatcher(
            SqliteDatabase db,
            PlatformConfig config,
            JobStore jobs,
            DemoStore demos,
            MeterRegistry metrics,
            AdapterSelection selection,
            Clock clock) {
        super("tasks", clock);
        this.selected = selection.isLocal(Port.CUSTOM_QUEUE);
        this.db = db;
        this.config = config.queue().custom();
        this.jobs = jobs;
        this.demos = demos;
        this.metrics = metrics;
        this.secret = config.worker().sharedSecret();
        this.rate = new TokenBucket(this.config.maxDispatchesPerSecond(), clock);
    }

    void start(@Observes StartupEvent event) {
        if (!config.dispatcherEnabled() || !selected) { // Cloud Tasks dispatches when it is the transport
            return;
        }
        startLoop();
        Log.infof(
                "task dispatcher for queue %s sending to %s (%.1f/s, %d concurrent, deadline %s, %d attempts, "
                        + "backoff %s..%s)",
                config.name(),
                config.endpoint(),
                config.maxDispatchesPerSecond(),
                config.maxConcurrentDispatches(),
                config.dispatchDeadline(),
                config.maxAttempts(),
                config.minBackoff(),
                config.maxBackoff());
    }

    void stop(@Observes ShutdownEvent event) {
        stopLoop();
    }

    @Override
    protected int concurrency() {
        return config.maxConcurrentDispatches();
    }

    @Override
    protected Duration pollInterval() {
        return config.pollInterval();
    }

    @Override
    protected int admit(int free) {
        return Math.min(free, rate.available());
    }

    @Override
    protected void requeueExpired() {
        long now = clock.millis();
        db.write(c -> Sql.update(
                c,
                "UPDATE tasks SET status = 'pending', next_attempt_at = ?, "
                        + "last_error = coalesce(last_error, 'dispatch deadline exceeded') "
                        + "WHERE status = 'inflight' AND lease_until < ?",
                now,
                now));
    }

    @Override
    protected Long nextDueMillis() {
        long next = db.read(c -> Sql.one(
                        c,
                        "SELECT coalesce(min(next_attempt_at), -1) FROM tasks WHERE status = 'pending'",
                        rs -> rs.getLong(1)))
                .orElse(-1L);
        return next < 0 ? null : next;
    }

    @Override
    protected List<TaskRow> claimDue(int limit) {
        long now = clock.millis();
        long leaseUntil = now + config.dispatchDeadline().toMillis() + 5_000;
        List<TaskRow> due = db.write(c -> {
            List<TaskRow> rows = Sql.list(
                    c,
                    """
                    SELECT task_name, queue, path, body, job_id, attempts, traceparent FROM tasks
                    WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?""",
                    rs -> new TaskRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getBytes(4),
                            rs.getString(5),
                            rs.getInt(6) + 1,
                            rs.getString(7)),
                    now,
                    limit);
            for (TaskRow t : rows) {
                Sql.update(
                        c,
                        "UPDATE tasks SET status = 'inflight', attempts = attempts + 1, lease_until = ? "
                                + "WHERE task_name = ? AND status = 'pending'",
                        leaseUntil,
                        t.taskName());
            }
            return rows;
        });
        rate.take(due.size());
        return due;
    }

    @Override
    protected void deliver(TaskRow task) {
        String failure;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.endpoint() + task.path()))
                    .timeout(config.dispatchDeadline())
                    .header("Content-Type", "application/json")
                    .header(QUEUE_HEADER, task.queue())
                    .header(TASK_HEADER, task.taskName())
                    .header(RETRY_COUNT_HEADER, String.valueOf(task.attempt() - 1))
                    .header(EXECUTION_COUNT_HEADER, String.valueOf(task.attempt() - 1))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(task.body()));
            secret.ifPresent(s -> request.header(SharedSecretWorkerAuthenticator.HEADER, s));
            TraceContext.parse(task.traceparent())
                    .ifPresent(p -> request.header(TraceContext.HEADER, task.traceparent()));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                finish(task);
                return;
            }
            failure = "worker answered " + response.statusCode() + abbreviate(response.body());
            Optional<Duration> retryAfter = pacingRefusal(response);
            if (retryAfter.isPresent() && defer(task, retryAfter.get(), failure)) {
                return;
            }
        } catch (HttpTimeoutException e) {
            failure = "no answer within the dispatch deadline of "
                    + config.dispatchDeadline().toSeconds() + "s";
        } catch (IOException e) {
            failure = "worker unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the task stays in flight and is dispatched again after its deadline
        }
        retryOrFail(task, failure);
    }

    private void finish(TaskRow task) {
        db.write(c -> Sql.update(
                c,
                "UPDATE tasks SET status = 'done', finished_at = ?, lease_until = NULL, "
                        + "last_error = NULL WHERE task_name = ?",
                clock.instant(),
                task.taskName()));
        metrics.counter("tasks.dispatch", "queue", task.queue(), "outcome", "done")
                .increment();
    }

    /** The wait a 503 or 429 answer asks for in its Retry-After header (seconds or an HTTP date), if it asks. */
    private Optional<Duration> pacingRefusal(HttpResponse<?> response) {
        if (response.statusCode() != 503 && response.statusCode() != 429) {
            return Optional.empty();
        }
        return response.headers().firstValue("Retry-After").flatMap(v -> retryAfter(v, clock.instant()));
    }

    /** Retry-After's two forms (RFC 9110): delay-seconds or an HTTP date; at least one second, never negative. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.strip();
        Duration wait;
        if (v.matches("\\d{1,9}")) {
            wait = Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(wait.compareTo(MIN_DEFERRAL) < 0 ? MIN_DEFERRAL : wait);
    }

    /**
     * Puts the task back as pending, due after {@code wait}, giving back the attempt its claim counted; false (the
     * answer then counts as a failed attempt) when that would take the task's deferrals past {@code max-deferral}.
     */
    private boolean defer(TaskRow task, Duration wait, String answer) {
        long now = clock.millis();
        long maxDeferral = config.maxDeferral().toMillis();
        boolean deferred = db.write(c -> {
            long since = Sql.one(
                            c,
                            "SELECT coalesce(deferred_since, ?) FROM tasks WHERE task_name = ?",
                            rs -> rs.getLong(1),
                            now,
                            task.taskName())
                    .orElse(now);
            if (now + wait.toMillis() - since > maxDeferral) {
                return false;
            }
            Sql.update(
                    c,
                    "UPDATE tasks SET status = 'pending', next_attempt_at = ?, attempts = attempts - 1, "
                            + "lease_until = NULL, deferred_since = ?, last_error = ? WHERE task_name = ?",
                    now + wait.toMillis(),
                    since,
                    answer,
                    task.taskName());
            return true;
        });
        if (!deferred) {
            Log.warnf(
                    "task %s (job %s) has been deferred for %s in all, the most allowed: this refusal counts as an "
                            + "attempt",
                    task.taskName(), task.jobId(), config.maxDeferral());
            return false;
        }
        metrics.counter("tasks.dispatch", "queue", task.queue(), "outcome", "deferred")
                .increment();
        Log.infof(
                "task %s (job %s) deferred by its worker for %d s (attempt not counted): %s",
                task.taskName(), task.jobId(), wait.toSeconds(), answer);
        return true;
    }

    private void retryOrFail(TaskRow task, String failure) {
        if (task.attempt() >= config.maxAttempts()) {
            String reason = "task failed after " + task.attempt() + " attempts: " + failure;
            // The job first: a crash between the two writes leaves a task that is dispatched and failed again
            // (failing a failed job is a no-op), never a failed task whose job stays queued for ever.
            JobFailures.failWithDemo(jobs, demos, task.jobId(), reason);
            db.write(c -> Sql.update(
                    c,
                    "UPDATE tasks SET status = 'failed', finished_at = ?, lease_until = NULL, "
                            + "last_error = ? WHERE task_name = ?",
                    clock.instant(),
                    failure,
                    task.taskName()));
            metrics.counter("tasks.dispatch", "queue", task.queue(), "outcome", "failed")
                    .increment();
            Log.warnf("task %s (job %s) %s", task.taskName(), task.jobId(), reason);
            return;
        }
        long delay = backoff(task.attempt(), config.minBackoff(), config.maxBackoff())
                .toMillis();
        db.write(c -> Sql.update(
                c,
                "UPDATE tasks SET status = 'pending', next_attempt_at = ?, lease_until = NULL, "
                        + "last_error = ? WHERE task_name = ?",
                clock.millis() + delay,
                failure,
                task.taskName()));
        metrics.counter("tasks.dispatch", "queue", task.queue(), "outcome", "retried")
                .increment();
        Log.infof(
                "attempt %d of task %s (job %s) failed: %s; retrying in %d ms",
                task.attempt(), task.taskName(), task.jobId(), failure, delay);
    }

    /**
     * Cloud Tasks' rate limit: tokens refill at {@code perSecond} as the clock moves, with a burst of at most one
     * second's worth.
     */
    static final class TokenBucket {
        private final double perSecond;
        private final double burst;
        private final Clock clock;
        private double tokens;
        private long refilledAt;

        TokenBucket(double perSecond, Clock clock) {
            this.perSecond = Math.max(0.001, perSecond);
            this.burst = Math.max(1, perSecond);
            this.clock = clock;
            this.tokens = burst;
            this.refilledAt = clock.millis();
        }

        synchronized int available() {
            long now = clock.millis();
            tokens = Math.min(burst, tokens + Math.max(0, now - refilledAt) / 1000.0 * perSecond);
            refilledAt = now;
            return (int) Math.floor(tokens);
        }

        synchronized void take(int n) {
            tokens -= n;
        }
    }
}
