package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.JobStoreContract;
import com.capidemo.core.port.JobStore;
import java.time.Clock;
import org.junit.jupiter.api.Tag;

/** The job store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreJobStoreEmulatorTest extends JobStoreContract {

    @Override
    protected JobStore store(Clock clock) {
        return new FirestoreJobStore(FirestoreEmulator.shared(), clock);
    }
}
