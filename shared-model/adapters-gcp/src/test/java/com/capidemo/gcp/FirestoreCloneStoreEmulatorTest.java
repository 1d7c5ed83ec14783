package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.CloneStoreContract;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import java.time.Clock;
import org.junit.jupiter.api.Tag;

/** The clone store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreCloneStoreEmulatorTest extends CloneStoreContract {

    @Override
    protected DemoStore demos() {
        return new FirestoreDemoStore(FirestoreEmulator.shared(), Clock.systemUTC());
    }

    @Override
    protected JobStore jobs() {
        return new FirestoreJobStore(FirestoreEmulator.shared(), Clock.systemUTC());
    }
}
