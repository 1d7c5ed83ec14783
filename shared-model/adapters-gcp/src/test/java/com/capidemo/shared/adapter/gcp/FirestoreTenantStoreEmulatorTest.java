package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.TenantStoreContract;
import com.capidemo.shared.port.TenantStore;
import org.junit.jupiter.api.Tag;

/** The tenant store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreTenantStoreEmulatorTest extends TenantStoreContract {

    @Override
    protected TenantStore store() {
        return new FirestoreTenantStore(FirestoreEmulator.shared());
    }
}
