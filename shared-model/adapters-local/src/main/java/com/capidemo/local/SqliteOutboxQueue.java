package com.capidemo.local;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.json.Json;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The local quick-job queue's publishing side: the demo, the job and the message are written in one
 * SQLite transaction (a transactional outbox), then the dispatcher is woken to push it at once.
 */
@Typed(SqliteOutboxQueue.class)
@ApplicationScoped
public class SqliteOutboxQueue implements JobQueue {

    private final SqliteDatabase db;
    private final PlatformConfig.Quick config;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;

    public SqliteOutboxQueue(SqliteDatabase db, PlatformConfig config, OutboxDispatcher dispatcher, Clock clock) {
        this.db = db;
        this.config = config.queue().quick();
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void submit(Demo demo, Job job, Map<String, String> attributes, byte[] data) {
        Instant now = clock.instant(); // the dispatcher's time: due at once
        db.write(c -> {
            if (demo != null) {
                SqliteDemoStore.insert(c, demo);
            }
            SqliteJobStore.insert(c, job);
            Sql.update(
                    c,
                    """
                    INSERT INTO outbox(message_id, topic, subscription, data, attributes, job_id, publish_time, status,
                                       attempts, next_attempt_at)
                    VALUES (?,?,?,?,?,?,?,'pending',0,?)""",
                    Ids.messageId(),
                    config.topic(),
                    config.subscription(),
                    data,
                    Json.write(TraceContext.withCurrent(attributes)),
                    job.jobId(),
                    now,
                    now);
            return null;
        });
        dispatcher.wake();
    }
}
