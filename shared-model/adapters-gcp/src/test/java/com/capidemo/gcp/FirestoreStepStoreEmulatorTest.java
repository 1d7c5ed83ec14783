package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.StepStoreContract;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.StepStore;
import java.time.Clock;
import org.junit.jupiter.api.Tag;

/** The step store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreStepStoreEmulatorTest extends StepStoreContract {

    @Override
    protected JobStore jobs() {
        return new FirestoreJobStore(FirestoreEmulator.shared(), Clock.systemUTC());
    }

    @Override
    protected StepStore steps() {
        return new FirestoreStepStore(FirestoreEmulator.shared());
    }
}
