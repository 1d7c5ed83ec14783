package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.JobStoreContract;
import com.capidemo.shared.port.JobStore;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The job store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreJobStoreEmulatorTest extends JobStoreContract {

    private static Firestore firestore;

    @BeforeAll
    static void connect() {
        firestore = FirestoreEmulator.client();
    }

    @AfterAll
    static void close() throws Exception {
        if (firestore != null) {
            firestore.close();
        }
    }

    @Override
    protected JobStore store(Clock clock) {
        return new FirestoreJobStore(firestore, clock);
    }
}
