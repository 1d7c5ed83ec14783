package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.adapter.contract.DemoStoreContract;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDemoStoreTest extends DemoStoreContract {

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private DemoStore store;

    @BeforeEach
    void open() {
        db = new SqliteDatabase(dir.resolve("platform.db"));
        store = new SqliteDemoStore(db, Clock.systemUTC());
    }

    @Override
    protected DemoStore store() {
        return store;
    }

    @Override
    protected JobStore jobs() {
        return new SqliteJobStore(db, Clock.systemUTC());
    }

    @Test
    void everyWriteToATenantsDemosChangesItsVersionAndOnlyItsVersionWhicheverProcessWrites() {
        assertThat(store.changeVersion("acme")).hasValue(0L);
        Demo demo = Demo.provisioning(
                Ids.demoId(),
                "acme",
                "ce@acme.example",
                "Acme",
                "Retail",
                "shopify",
                Instant.parse("2026-11-01T00:00:00Z"));
        store.create(demo);
        long created = store.changeVersion("acme").orElseThrow();
        assertThat(created).isPositive();
        assertThat(store.changeVersion("globex")).as("another tenant").hasValue(0L);

        // Another process on the same file (a provisioner, the lifecycle service): the triggers count its writes too.
        DemoStore other = new SqliteDemoStore(new SqliteDatabase(dir.resolve("platform.db")), Clock.systemUTC());
        assertThat(other.setPinned(demo.demoId(), true, Instant.parse("2026-11-02T00:00:00Z")))
                .isTrue();
        assertThat(store.changeVersion("acme").orElseThrow()).isGreaterThan(created);
        assertThat(store.changeVersion("globex")).hasValue(0L);
    }
}
