package com.capidemo.local;

import com.capidemo.core.json.Json;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;

/** Local events: one row per event id in SQLite, so a repeated publish (a retried job) is recorded once. */
@Typed(SqliteEventPublisher.class)
@ApplicationScoped
public class SqliteEventPublisher implements EventPublisher {

    private final SqliteDatabase db;
    private final Clock clock;

    @Inject
    public SqliteEventPublisher(SqliteDatabase db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    @Override
    public void publish(String topic, String eventId, Map<String, String> attributes, byte[] data) {
        db.write(c -> Sql.update(
                c, """
                INSERT INTO events(event_id, topic, attributes, data, published_at) VALUES (?,?,?,?,?)
                ON CONFLICT(event_id) DO NOTHING""", eventId, topic, Json.write(TraceContext.withCurrent(attributes)), data, clock.instant()));
    }
}
