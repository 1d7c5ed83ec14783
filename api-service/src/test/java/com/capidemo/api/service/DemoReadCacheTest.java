package com.capidemo.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.testing.MutableClock;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.local.SqliteDemoStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept answers over a real SQLite store: reused while the tenant's demos are unchanged and young, read afresh else. */
class DemoReadCacheTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-01T00:00:00Z");
    private final AtomicInteger reads = new AtomicInteger();
    private DemoStore store;
    private DemoReadCache cache;

    @BeforeEach
    void open() {
        store = new SqliteDemoStore(new SqliteDatabase(dir.resolve("platform.db")), Clock.systemUTC());
        cache = new DemoReadCache(store, clock, new ObjectMapper());
    }

    private String read(String tenant, String query) {
        return cache.get(tenant, query, () -> query + "#" + reads.incrementAndGet());
    }

    private void write(String tenant) {
        store.create(
                Demo.provisioning(Ids.demoId(), tenant, "ce@x.example", "Acme", "Retail", "shopify", clock.instant()));
    }

    @Test
    void anAnswerIsKeptPerTenantAndQueryUntilThatTenantsDemosChange() {
        assertThat(read("acme", "page1")).isEqualTo("page1#1");
        assertThat(read("acme", "page1")).as("unchanged").isEqualTo("page1#1");
        assertThat(read("acme", "page2")).as("another query").isEqualTo("page2#2");
        assertThat(read("globex", "page1")).as("another tenant").isEqualTo("page1#3");

        write("globex");
        assertThat(read("acme", "page1")).as("another tenant's write").isEqualTo("page1#1");
        assertThat(read("globex", "page1")).as("its own write").isEqualTo("page1#4");

        write("acme");
        assertThat(read("acme", "page1")).isEqualTo("page1#5");
        assertThat(reads).hasValue(5);
    }

    @Test
    void jsonAnswersAreSerialisedOnceAndKept() {
        byte[] first = cache.json("acme", "counts", () -> java.util.Map.of("total", reads.incrementAndGet()));
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"total\":1}");
        assertThat(cache.json("acme", "counts", () -> java.util.Map.of("total", reads.incrementAndGet())))
                .isSameAs(first);
    }

    @Test
    void anAnswerIsReadAfreshOnceItIsOlderThanTheMaximumAgeOrTheClockWentBack() {
        assertThat(read("acme", "dashboard")).isEqualTo("dashboard#1");
        clock.advance(DemoReadCache.MAX_AGE.minusMillis(1));
        assertThat(read("acme", "dashboard")).isEqualTo("dashboard#1");
        clock.advance(Duration.ofMillis(1));
        assertThat(read("acme", "dashboard")).as("at the maximum age").isEqualTo("dashboard#2");
        clock.advance(Duration.ofDays(-1));
        assertThat(read("acme", "dashboard")).as("clock set back").isEqualTo("dashboard#3");
    }

    @Test
    void anAnswerThatChangesWithTimeIsKeptOnlyUntilThen() {
        java.time.Instant changesAt = clock.instant().plus(Duration.ofMinutes(1));
        java.util.function.Supplier<String> read = () -> "month#" + reads.incrementAndGet();
        assertThat(cache.get("acme", "month", read, v -> changesAt)).isEqualTo("month#1");
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.get("acme", "month", read, v -> changesAt)).isEqualTo("month#1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("acme", "month", read, v -> changesAt))
                .as("at that instant")
                .isEqualTo("month#2");
        assertThat(cache.get("acme", "month", read, v -> clock.instant()))
                .as("changes now: not kept")
                .isEqualTo("month#3");
        assertThat(cache.get("acme", "month", read, v -> clock.instant())).isEqualTo("month#4");
        assertThat(cache.get("acme", "later", read, v -> clock.instant().plus(Duration.ofDays(365))))
                .isEqualTo("month#5");
        clock.advance(DemoReadCache.MAX_AGE);
        assertThat(cache.get("acme", "later", read, v -> null))
                .as("the maximum age still holds")
                .isEqualTo("month#6");
    }
}
