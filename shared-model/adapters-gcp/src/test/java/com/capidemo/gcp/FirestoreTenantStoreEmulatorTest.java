package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.TenantStoreContract;
import com.capidemo.core.port.TenantStore;
import org.junit.jupiter.api.Tag;

/** The tenant store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreTenantStoreEmulatorTest extends TenantStoreContract {

    @Override
    protected TenantStore store() {
        return new FirestoreTenantStore(FirestoreEmulator.shared());
    }
}
