package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.CloneStoreContract;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.port.JobStore;
import org.junit.jupiter.api.Tag;

/** The clone store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreCloneStoreEmulatorTest extends CloneStoreContract {

    @Override
    protected DemoStore demos() {
        return new FirestoreDemoStore(FirestoreEmulator.shared());
    }

    @Override
    protected JobStore jobs() {
        return new FirestoreJobStore(FirestoreEmulator.shared());
    }
}
