package com.capidemo.gcp;

import com.capidemo.core.adapter.contract.NotificationStoreContract;
import com.capidemo.core.port.NotificationStore;
import org.junit.jupiter.api.Tag;

/** The notification store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreNotificationStoreEmulatorTest extends NotificationStoreContract {

    @Override
    protected NotificationStore store() {
        return new FirestoreNotificationStore(FirestoreEmulator.shared());
    }
}
