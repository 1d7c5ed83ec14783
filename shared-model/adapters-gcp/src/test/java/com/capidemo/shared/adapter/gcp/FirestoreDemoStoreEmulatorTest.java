package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.DemoStoreContract;
import com.capidemo.shared.port.DemoStore;
import org.junit.jupiter.api.Tag;

/** The demo store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreDemoStoreEmulatorTest extends DemoStoreContract {

    @Override
    protected DemoStore store() {
        return new FirestoreDemoStore(FirestoreEmulator.shared());
    }
}
