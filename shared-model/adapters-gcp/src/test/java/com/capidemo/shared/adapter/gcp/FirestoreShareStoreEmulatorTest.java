package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.ShareStoreContract;
import com.capidemo.shared.port.ShareStore;
import org.junit.jupiter.api.Tag;

/** The share store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreShareStoreEmulatorTest extends ShareStoreContract {

    @Override
    protected ShareStore store() {
        return new FirestoreShareStore(FirestoreEmulator.shared());
    }
}
