package com.capidemo.local;

import com.capidemo.core.adapter.contract.ConversationStoreContract;
import com.capidemo.core.port.ConversationStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The conversation store contract on SQLite. */
class SqliteConversationStoreTest extends ConversationStoreContract {

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
    protected ConversationStore store() {
        return new SqliteConversationStore(db(), Clock.systemUTC());
    }
}
