package com.capidemo.api.service;

import com.capidemo.shared.port.DemoStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * List pages and dashboards of a tenant as the JSON sent (serialised once by the service's ObjectMapper, so a kept
 * answer costs neither the store nor Jackson), kept while the tenant's demos are unchanged: each read costs one point read of
 * the store's change version ({@link DemoStore#changeVersion}) instead of an index range read or count queries. An
 * answer is kept at most {@link #MAX_AGE} by the injected clock (the dashboard's "this month" moves with time), at most
 * {@link #MAX_ENTRIES} answers in all (least recently used go first). A store without a change version is always read.
 * <p>
 * The version is read before the store: a write racing with the read leaves the answer under the older version, so
 * the next read, which sees the newer one, reads the store again.
 */
@ApplicationScoped
public class DemoReadCache {

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 20_000;

    private record Key(String tenantId, Object query) {
    }

    private record Entry(long version, Instant readAt, Object value) {
    }

    private final DemoStore demos;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Cache<Key, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    public DemoReadCache(DemoStore demos, Clock clock, ObjectMapper mapper) {
        this.demos = demos;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** {@link #get} of {@code read}'s answer as JSON. */
    public byte[] json(String tenantId, Object query, Supplier<?> read) {
        return get(tenantId, query, () -> {
            try {
                return mapper.writeValueAsBytes(read.get());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The kept answer to {@code query} (a value with equals/hashCode: a record of the read's arguments) over the
     * tenant's demos, or {@code read}'s, kept for the next caller.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String tenantId, Object query, Supplier<T> read) {
        OptionalLong version = demos.changeVersion(tenantId);
        if (version.isEmpty()) {
            return read.get();
        }
        Key key = new Key(tenantId, query);
        Instant now = clock.instant();
        Entry kept = entries.getIfPresent(key);
        if (kept != null && kept.version() == version.getAsLong() && !now.isBefore(kept.readAt())
                && now.isBefore(kept.readAt().plus(MAX_AGE))) {
            return (T) kept.value();
        }
        T value = read.get();
        entries.put(key, new Entry(version.getAsLong(), now, value));
        return value;
    }
}
