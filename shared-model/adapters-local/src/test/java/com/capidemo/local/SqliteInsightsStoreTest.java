package com.capidemo.local;

import com.capidemo.core.adapter.contract.InsightsStoreContract;
import com.capidemo.core.port.ConversationStore;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.InsightsStore;
import com.capidemo.core.port.ShareStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteInsightsStoreTest extends InsightsStoreContract {

    @TempDir
    Path dir;

    private SqliteDatabase db;

    @BeforeEach
    void open() {
        db = new SqliteDatabase(dir.resolve("platform.db"));
    }

    @Override
    protected InsightsStore insights() {
        return new SqliteInsightsStore(db);
    }

    @Override
    protected DemoStore demos() {
        return new SqliteDemoStore(db, CLOCK);
    }

    @Override
    protected ShareStore shares() {
        return new SqliteShareStore(db);
    }

    @Override
    protected ConversationStore conversations() {
        return new SqliteConversationStore(db, CLOCK);
    }
}
