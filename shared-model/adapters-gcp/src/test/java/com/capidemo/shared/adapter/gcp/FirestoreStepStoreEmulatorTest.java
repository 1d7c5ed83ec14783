package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.StepStoreContract;
import com.capidemo.shared.port.JobStore;
import com.capidemo.shared.port.StepStore;
import org.junit.jupiter.api.Tag;

/** The step store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreStepStoreEmulatorTest extends StepStoreContract {

    @Override
    protected JobStore jobs() {
        return new FirestoreJobStore(FirestoreEmulator.shared());
    }

    @Override
    protected StepStore steps() {
        return new FirestoreStepStore(FirestoreEmulator.shared());
    }
}
