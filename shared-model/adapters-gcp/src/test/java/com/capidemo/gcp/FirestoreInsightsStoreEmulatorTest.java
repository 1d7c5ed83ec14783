package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.InsightsStoreContract;
import com.capidemo.core.port.ConversationStore;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.InsightsStore;
import com.capidemo.core.port.ShareStore;
import org.junit.jupiter.api.Tag;

/** The insights store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreInsightsStoreEmulatorTest extends InsightsStoreContract {

    @Override
    protected InsightsStore insights() {
        return new FirestoreInsightsStore(FirestoreEmulator.shared());
    }

    @Override
    protected DemoStore demos() {
        return new FirestoreDemoStore(FirestoreEmulator.shared(), CLOCK);
    }

    @Override
    protected ShareStore shares() {
        return new FirestoreShareStore(FirestoreEmulator.shared());
    }

    @Override
    protected ConversationStore conversations() {
        return new FirestoreConversationStore(FirestoreEmulator.shared(), CLOCK);
    }
}
