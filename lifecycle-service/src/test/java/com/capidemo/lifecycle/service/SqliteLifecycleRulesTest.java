package com.capidemo.lifecycle.service;

import com.capidemo.local.SqliteDatabase;
import com.capidemo.local.SqliteDemoStore;
import com.capidemo.local.SqliteJobStore;
import com.capidemo.local.SqliteLifecycleRunStore;
import com.capidemo.local.SqliteNotificationStore;
import java.nio.file.Path;
import java.time.Clock;

/** The lifecycle rules over the SQLite store. */
class SqliteLifecycleRulesTest extends LifecycleRulesContract {

    @Override
    protected Stores openStores(Path dir) {
        SqliteDatabase db = new SqliteDatabase(dir.resolve("platform.db"));
        return new Stores(
                new SqliteDemoStore(db, Clock.systemUTC()),
                new SqliteJobStore(db, clock),
                new SqliteNotificationStore(db),
                new SqliteLifecycleRunStore(db),
                () -> {});
    }
}
