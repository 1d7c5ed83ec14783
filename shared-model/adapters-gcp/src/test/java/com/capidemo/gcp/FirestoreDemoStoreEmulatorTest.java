package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.DemoStoreContract;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import java.time.Clock;
import org.junit.jupiter.api.Tag;

/** The demo store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreDemoStoreEmulatorTest extends DemoStoreContract {

    @Override
    protected boolean reportsOldestSince() {
        return false;
    }

    @Override
    protected DemoStore store() {
        return new FirestoreDemoStore(FirestoreEmulator.shared(), Clock.systemUTC());
    }

    @Override
    protected JobStore jobs() {
        return new FirestoreJobStore(FirestoreEmulator.shared(), Clock.systemUTC());
    }
}
