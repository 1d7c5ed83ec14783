package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.ShareStoreContract;
import com.capidemo.core.port.ShareStore;
import org.junit.jupiter.api.Tag;

/** The share store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreShareStoreEmulatorTest extends ShareStoreContract {

    @Override
    protected ShareStore store() {
        return new FirestoreShareStore(FirestoreEmulator.shared());
    }
}
