package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.DemoStoreContract;
import com.capidemo.shared.port.DemoStore;
import com.google.cloud.firestore.Firestore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The demo store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreDemoStoreEmulatorTest extends DemoStoreContract {

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
    protected DemoStore store() {
        return new FirestoreDemoStore(firestore);
    }
}
