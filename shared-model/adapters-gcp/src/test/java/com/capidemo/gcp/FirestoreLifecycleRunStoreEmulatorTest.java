package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.LifecycleRunStoreContract;
import com.capidemo.core.port.LifecycleRunStore;
import org.junit.jupiter.api.Tag;

/** The lifecycle run store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreLifecycleRunStoreEmulatorTest extends LifecycleRunStoreContract {

    @Override
    protected LifecycleRunStore store() {
        return new FirestoreLifecycleRunStore(FirestoreEmulator.shared());
    }
}
