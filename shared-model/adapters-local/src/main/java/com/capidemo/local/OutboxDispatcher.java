package com.capidemo.local;

import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.adapter.Port;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.json.Json;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.JobFailures;
import com.capidemo.core.web.SharedSecretWorkerAuthenticator;
import com.fasterxml.jackson.core.type.TypeReference;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers outbox messages the way a Pub/Sub push subscription does: POSTs the push envelope to the
 * worker; a 2xx acks; any other answer, a broken connection or no answer within the ack deadline is
 * retried with exponential backoff; after the maximum delivery attempts the message moves to the
 * dead-letter table and its job fails with the reason. Every state lives in SQLite, so a restart of
 * this process (or of the worker) loses nothing: in-flight rows whose deadline passed are redelivered.
 */
@Singleton
public class OutboxDispatcher extends DurableHttpDispatcher<OutboxMessage> {

    private final SqliteDatabase db;
    private final PlatformConfig.Quick config;
    private final JobStore jobs;
    private final DemoStore demos;
    private final MeterRegistry metrics;
    private final Optional<String> secret;
    private final boolean selected;

    public OutboxDispatcher(
            SqliteDatabase db,
            PlatformConfig config,
            JobStore jobs,
            DemoStore demos,
            MeterRegistry metrics,
            AdapterSelection selection,
            Clock clock) {
        super("outbox", clock);
        this.selected = selection.isLocal(Port.QUICK_QUEUE);
        this.db = db;
        this.config = config.queue().quick();
        this.jobs = jobs;
        this.demos = demos;
        this.metrics = metrics;
        this.secret = config.worker().sharedSecret();
    }

    void start(@Observes StartupEvent event) {
        if (!config.dispatcher().enabled() || !selected) { // Pub/Sub delivers when it is the transport
            return;
        }
        startLoop();
        Log.infof(
                "outbox dispatcher pushing %s to %s (ack deadline %s, backoff %s..%s, max attempts %d)",
                config.topic(),
                config.pushEndpoint(),
                config.ackDeadline(),
                config.minBackoff(),
                config.maxBackoff(),
                config.maxDeliveryAttempts());
    }

    void stop(@Observes ShutdownEvent event) {
        stopLoop();
    }

    @Override
    protected int concurrency() {
        return config.dispatcher().concurrency();
    }

    @Override
    protected Duration pollInterval() {
        return config.dispatcher().pollInterval();
    }

    @Override
    protected Long nextDueMillis() {
        return db.read(c -> {
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending'");
                    ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? null : v;
            }
        });
    }

    /** In-flight messages whose ack deadline passed without an answer (e.g. this process died) go back. */
    @Override
    protected void requeueExpired() {
        long now = clock.millis();
        db.write(c -> Sql.update(
                c,
                "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = coalesce(last_error, 'ack deadline exceeded') "
                        + "WHERE status = 'inflight' AND lease_until < ?",
                now,
                now));
    }

    @Override
    protected List<OutboxMessage> claimDue(int limit) {
        long now = clock.millis();
        long leaseUntil = now + config.ackDeadline().toMillis() + 5_000;
        return db.write(c -> {
            List<OutboxMessage> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT message_id, topic, subscription, data, attributes, job_id, publish_time, attempts
                    FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?""")) {
                ps.setLong(1, now);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new OutboxMessage(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBytes(4),
                                Json.read(rs.getString(5), new TypeReference<Map<String, String>>() {}),
                                rs.getString(6),
                                Instant.ofEpochMilli(rs.getLong(7)),
                                rs.getInt(8) + 1));
                    }
                }
            }
            for (OutboxMessage m : due) {
                Sql.update(
                        c,
                        "UPDATE outbox SET status = 'inflight', attempts = attempts + 1, lease_until = ? "
                                + "WHERE message_id = ? AND status = 'pending'",
                        leaseUntil,
                        m.messageId());
            }
            return due;
        });
    }

    @Override
    protected void deliver(OutboxMessage m) {
        String failure;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.pushEndpoint()))
                    .timeout(config.ackDeadline())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(PushEnvelope.build(
                            m.messageId(),
                            m.publishTime(),
                            m.attributes(),
                            m.data(),
                            "projects/local/subscriptions/" + m.subscription(),
                            m.attempts())));
            secret.ifPresent(s -> request.header(SharedSecretWorkerAuthenticator.HEADER, s));
            String traceparent = m.attributes().get(TraceContext.ATTRIBUTE);
            if (traceparent != null && traceparent.matches("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")) {
                request.header("traceparent", traceparent); // the worker's span joins the publisher's trace
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (isAck(status)) {
                ack(m);
                return;
            }
            failure = "push endpoint answered " + status + abbreviate(response.body());
        } catch (HttpTimeoutException e) {
            failure = "no answer within the ack deadline of "
                    + config.ackDeadline().toSeconds() + "s";
        } catch (IOException e) {
            failure = "push endpoint unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the row stays in flight and is redelivered after its deadline
        }
        nack(m, failure);
    }

    /** Pub/Sub push treats 102, 200, 201, 202 and 204 as acknowledgements. */
    static boolean isAck(int status) {
        return status == 102 || status == 200 || status == 201 || status == 202 || status == 204;
    }

    private void ack(OutboxMessage m) {
        db.write(c -> Sql.update(
                c,
                "UPDATE outbox SET status = 'acked', acked_at = ?, lease_until = NULL, "
                        + "last_error = NULL WHERE message_id = ?",
                clock.instant(),
                m.messageId()));
        metrics.counter("outbox.delivery", "topic", m.topic(), "outcome", "acked")
                .increment();
    }

    private void nack(OutboxMessage m, String failure) {
        if (m.attempts() >= config.maxDeliveryAttempts()) {
            deadLetter(m, failure);
            return;
        }
        long delay =
                backoff(m.attempts(), config.minBackoff(), config.maxBackoff()).toMillis();
        db.write(c -> Sql.update(
                c,
                "UPDATE outbox SET status = 'pending', next_attempt_at = ?, lease_until = NULL, "
                        + "last_error = ? WHERE message_id = ?",
                clock.millis() + delay,
                failure,
                m.messageId()));
        metrics.counter("outbox.delivery", "topic", m.topic(), "outcome", "retried")
                .increment();
        Log.infof(
                "delivery %d of message %s (job %s) failed: %s; retrying in %d ms",
                m.attempts(), m.messageId(), m.jobId(), failure, delay);
    }

    private void deadLetter(OutboxMessage m, String failure) {
        String reason = "message dead-lettered after " + m.attempts() + " delivery attempts: " + failure;
        // The job first: a crash between the two writes leaves a message that is delivered and dead-lettered again
        // (failing a failed job is a no-op), never a dead letter whose job stays queued for ever.
        JobFailures.failWithDemo(jobs, demos, m.jobId(), reason);
        db.write(c -> {
            Sql.update(
                    c,
                    """
                    INSERT OR REPLACE INTO dead_letters(message_id, topic, subscription, data, attributes, job_id,
                                                        attempts, last_error, dead_at)
                    VALUES (?,?,?,?,?,?,?,?,?)""",
                    m.messageId(),
                    m.topic(),
                    m.subscription(),
                    m.data(),
                    Json.write(m.attributes()),
                    m.jobId(),
                    m.attempts(),
                    failure,
                    clock.instant());
            Sql.update(c, "DELETE FROM outbox WHERE message_id = ?", m.messageId());
            return null;
        });
        metrics.counter("outbox.delivery", "topic", m.topic(), "outcome", "dead_lettered")
                .increment();
        Log.warnf("message %s (job %s) %s", m.messageId(), m.jobId(), reason);
    }
}
