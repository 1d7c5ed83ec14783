package com.capidemo.shared.adapter.gcp;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;

/** The Firestore emulator, started once per test JVM. */
public final class FirestoreEmulator {

    public static final String PROJECT = "demo-project";
    private static String hostPort;

    private FirestoreEmulator() {
    }

    public static synchronized String hostPort() {
        if (hostPort == null) {
            hostPort = GcloudEmulator.start("firestore", "emulators", "firestore", "start");
        }
        return hostPort;
    }

    public static Firestore client() {
        return FirestoreOptions.newBuilder().setProjectId(PROJECT).setEmulatorHost(hostPort()).build().getService();
    }
}
