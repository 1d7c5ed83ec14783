package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.ConversationStoreContract;
import com.capidemo.core.port.ConversationStore;
import java.time.Clock;
import org.junit.jupiter.api.Tag;

/** The conversation store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreConversationStoreEmulatorTest extends ConversationStoreContract {

    @Override
    protected ConversationStore store() {
        return new FirestoreConversationStore(FirestoreEmulator.shared(), Clock.systemUTC());
    }
}
