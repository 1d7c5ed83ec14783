package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.TenantStoreContract;
import com.capidemo.shared.port.TenantStore;
import com.google.cloud.firestore.Firestore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The tenant store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreTenantStoreEmulatorTest extends TenantStoreContract {

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
    protected TenantStore store() {
        return new FirestoreTenantStore(firestore);
    }
}
