package com.capidemo.shared.adapter.local;

import com.capidemo.shared.adapter.contract.DemoStoreContract;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.port.JobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteDemoStoreTest extends DemoStoreContract {

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private DemoStore store;

    @BeforeEach
    void open() {
        db = new SqliteDatabase(dir.resolve("platform.db"));
        store = new SqliteDemoStore(db);
    }

    @Override
    protected DemoStore store() {
        return store;
    }

    @Override
    protected JobStore jobs() {
        return new SqliteJobStore(db);
    }
}
