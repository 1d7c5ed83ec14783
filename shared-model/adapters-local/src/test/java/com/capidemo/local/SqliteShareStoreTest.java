package com.capidemo.local;

import com.capidemo.core.adapter.contract.ShareStoreContract;
import com.capidemo.core.port.ShareStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteShareStoreTest extends ShareStoreContract {

    @TempDir
    Path dir;

    private ShareStore store;

    @BeforeEach
    void open() {
        store = new SqliteShareStore(new SqliteDatabase(dir.resolve("platform.db")));
    }

    @Override
    protected ShareStore store() {
        return store;
    }
}
