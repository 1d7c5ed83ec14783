package com.capidemo.api.service;

import com.capidemo.core.port.DemoStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * List pages and dashboards of a tenant as the JSON sent (serialised once by the service's ObjectMapper, so a kept
 * answer costs neither the store nor Jackson), kept while the tenant's demos are unchanged: each read costs one point
 * read of the store's change version ({@link DemoStore#changeVersion}) instead of an index range read or count
 * queries. An answer that changes with time alone (the dashboard's "this month") says when ({@code changesAt}, by the
 * injected clock) and is read afresh from then on. Any answer is kept at most {@link #MAX_AGE}, which bounds how stale
 * it could be if a write ever bypassed the version; at most {@link #MAX_ENTRIES} answers in all (least recently used
 * go first). A store without a change version is always read.
 * <p>
 * The version is read before the store: a write racing with the read leaves the answer under the older version, so
 * the next read, which sees the newer one, reads the store again.
 */
@ApplicationScoped
public class DemoReadCache {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 20_000;

    private record Key(String tenantId, Object query) {}

    /** {@code until}: the first instant the answer is no longer kept. */
    private record Entry(long version, Instant readAt, Instant until, Object value) {}

    private final DemoStore demos;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Cache<Key, Entry> entries =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    public DemoReadCache(DemoStore demos, Clock clock, ObjectMapper mapper) {
        this.demos = demos;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** {@link #json(String, Object, Supplier, Function)} of an answer that does not change with time alone. */
    public byte[] json(String tenantId, Object query, Supplier<?> read) {
        return json(tenantId, query, read, value -> null);
    }

    /** {@link #get(String, Object, Supplier, Function)} of {@code read}'s answer as JSON. */
    public <T> byte[] json(String tenantId, Object query, Supplier<T> read, Function<? super T, Instant> changesAt) {
        return keep(tenantId, query, () -> {
            T value = read.get();
            try {
                return new Timed<>(mapper.writeValueAsBytes(value), changesAt.apply(value));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@link #get(String, Object, Supplier, Function)} of an answer that does not change with time alone. */
    public <T> T get(String tenantId, Object query, Supplier<T> read) {
        return get(tenantId, query, read, value -> null);
    }

    /**
     * The kept answer to {@code query} (a value with equals/hashCode: a record of the read's arguments) over the
     * tenant's demos, or {@code read}'s, kept for the next caller until {@code changesAt} of it (null: no such
     * instant) or {@link #MAX_AGE}, whichever comes first.
     */
    public <T> T get(String tenantId, Object query, Supplier<T> read, Function<? super T, Instant> changesAt) {
        return keep(tenantId, query, () -> {
            T value = read.get();
            return new Timed<>(value, changesAt.apply(value));
        });
    }

    /** An answer and when it changes although the tenant's demos do not (null: never). */
    private record Timed<T>(T value, Instant changesAt) {}

    @SuppressWarnings("unchecked")
    private <T> T keep(String tenantId, Object query, Supplier<Timed<T>> read) {
        OptionalLong version = demos.changeVersion(tenantId);
        if (version.isEmpty()) {
            return read.get().value();
        }
        Key key = new Key(tenantId, query);
        Instant now = clock.instant();
        Entry kept = entries.getIfPresent(key);
        if (kept != null
                && kept.version() == version.getAsLong()
                && !now.isBefore(kept.readAt())
                && now.isBefore(kept.until())) {
            return (T) kept.value();
        }
        Timed<T> answer = read.get();
        Instant until = now.plus(MAX_AGE);
        if (answer.changesAt() != null && answer.changesAt().isBefore(until)) {
            until = answer.changesAt();
        }
        entries.put(key, new Entry(version.getAsLong(), now, until, answer.value()));
        return answer.value();
    }
}
