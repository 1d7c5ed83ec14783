package com.capidemo.local;

import com.capidemo.core.adapter.contract.TenantStoreContract;
import com.capidemo.core.port.TenantStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteTenantStoreTest extends TenantStoreContract {

    @TempDir
    Path dir;

    private TenantStore store;

    @BeforeEach
    void open() {
        store = new SqliteTenantStore(new SqliteDatabase(dir.resolve("platform.db")));
    }

    @Override
    protected TenantStore store() {
        return store;
    }
}
