package com.capidemo.shared.adapter.local;

import com.capidemo.shared.adapter.contract.DemoStoreContract;
import com.capidemo.shared.port.DemoStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteDemoStoreTest extends DemoStoreContract {

    @TempDir
    Path dir;

    private DemoStore store;

    @BeforeEach
    void open() {
        store = new SqliteDemoStore(new SqliteDatabase(dir.resolve("platform.db")));
    }

    @Override
    protected DemoStore store() {
        return store;
    }
}
