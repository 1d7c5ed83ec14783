package com.capidemo.lifecycle.service;

import com.capidemo.shared.adapter.local.SqliteDatabase;
import com.capidemo.shared.adapter.local.SqliteDemoStore;
import com.capidemo.shared.adapter.local.SqliteJobStore;
import com.capidemo.shared.adapter.local.SqliteLifecycleRunStore;
import com.capidemo.shared.adapter.local.SqliteNotificationStore;
import java.nio.file.Path;

/** The lifecycle rules over the SQLite store. */
class SqliteLifecycleRulesTest extends LifecycleRulesContract {

    @Override
    protected Stores openStores(Path dir) {
        SqliteDatabase db = new SqliteDatabase(dir.resolve("platform.db"));
        return new Stores(new SqliteDemoStore(db), new SqliteJobStore(db), new SqliteNotificationStore(db),
                new SqliteLifecycleRunStore(db), () -> { });
    }
}
