package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.Ids;
import com.capidemo.gcp.FirestoreDemoStore;
import com.capidemo.gcp.FirestoreEmulator;
import com.capidemo.gcp.FirestoreJobStore;
import com.capidemo.gcp.FirestoreLifecycleRunStore;
import com.capidemo.gcp.FirestoreNotificationStore;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Tag;

/**
 * The lifecycle rules over the Firestore emulator (run with -Pemulators). Each test gets its own emulator project, so
 * the global scans see only its demos.
 */
@Tag("emulator")
class FirestoreLifecycleRulesEmulatorTest extends LifecycleRulesContract {

    @Override
    protected Stores openStores(Path dir) {
        Firestore db = FirestoreOptions.newBuilder()
                .setProjectId("lifecycle-" + Ids.randomHex(4))
                .setEmulatorHost(FirestoreEmulator.hostPort())
                .build()
                .getService();
        return new Stores(
                new FirestoreDemoStore(db, Clock.systemUTC()),
                new FirestoreJobStore(db, clock),
                new FirestoreNotificationStore(db),
                new FirestoreLifecycleRunStore(db),
                db::close);
    }
}
