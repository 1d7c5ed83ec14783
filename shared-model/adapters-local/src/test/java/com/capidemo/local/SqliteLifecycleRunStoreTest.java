package com.capidemo.local;

import com.capidemo.core.adapter.contract.LifecycleRunStoreContract;
import com.capidemo.core.port.LifecycleRunStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteLifecycleRunStoreTest extends LifecycleRunStoreContract {

    @TempDir
    Path dir;

    private LifecycleRunStore store;

    @BeforeEach
    void open() {
        store = new SqliteLifecycleRunStore(new SqliteDatabase(dir.resolve("platform.db")));
    }

    @Override
    protected LifecycleRunStore store() {
        return store;
    }
}
