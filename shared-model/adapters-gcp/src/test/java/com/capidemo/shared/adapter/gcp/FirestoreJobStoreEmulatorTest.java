package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.JobStoreContract;
import com.capidemo.shared.port.JobStore;
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
