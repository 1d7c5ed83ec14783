package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.adapter.contract.CloneStoreContract;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCloneStoreTest extends CloneStoreContract {

    @TempDir
    Path dir;

    private SqliteDatabase db;

    @BeforeEach
    void open() {
        db = new SqliteDatabase(dir.resolve("platform.db"));
    }

    @Override
    protected DemoStore demos() {
        return new SqliteDemoStore(db, Clock.systemUTC());
    }

    @Override
    protected JobStore jobs() {
        return new SqliteJobStore(db, Clock.systemUTC());
    }

    @Test
    void aCloneReferencesTheSourcesGoldenQuerySetInsteadOfCopyingIt() {
        Demo source = readySource("t_ref");
        Demo first = readyClone(source, "a@example.com");
        Demo second = readyClone(first, "b@example.com");

        long sets = db.read(c -> Sql.one(
                        c,
                        "SELECT count(DISTINCT golden_set_id) FROM demos WHERE demo_id IN (?,?,?)",
                        rs -> rs.getLong(1),
                        source.demoId(),
                        first.demoId(),
                        second.demoId())
                .orElseThrow());
        long stored = db.read(c -> Sql.one(c, "SELECT count(*) FROM golden_query_sets", rs -> rs.getLong(1))
                .orElseThrow());
        assertThat(sets).isEqualTo(1);
        assertThat(stored).isEqualTo(1);
    }
}
