package com.capidemo.local;

import com.capidemo.core.adapter.contract.StepStoreContract;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.StepStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The step store contract on SQLite. */
class SqliteStepStoreTest extends StepStoreContract {

    @TempDir
    static Path dir;

    private static SqliteDatabase db;

    private static synchronized SqliteDatabase db() {
        if (db == null) {
            db = new SqliteDatabase(dir.resolve("platform.db"));
        }
        return db;
    }

    @Override
    protected JobStore jobs() {
        return new SqliteJobStore(db(), Clock.systemUTC());
    }

    @Override
    protected StepStore steps() {
        return new SqliteStepStore(db());
    }
}
