package com.capidemo.shared.adapter.gcp;

import com.capidemo.shared.adapter.contract.NotificationStoreContract;
import com.capidemo.shared.port.NotificationStore;
import org.junit.jupiter.api.Tag;

/** The notification store contract against the Firestore emulator (run with -Pemulators). */
@Tag("emulator")
class FirestoreNotificationStoreEmulatorTest extends NotificationStoreContract {

    @Override
    protected NotificationStore store() {
        return new FirestoreNotificationStore(FirestoreEmulator.shared());
    }
}
