package com.capidemo.local;

import com.capidemo.core.adapter.contract.NotificationStoreContract;
import com.capidemo.core.port.NotificationStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteNotificationStoreTest extends NotificationStoreContract {

    @TempDir
    Path dir;

    private NotificationStore store;

    @BeforeEach
    void open() {
        store = new SqliteNotificationStore(new SqliteDatabase(dir.resolve("platform.db")));
    }

    @Override
    protected NotificationStore store() {
        return store;
    }
}
