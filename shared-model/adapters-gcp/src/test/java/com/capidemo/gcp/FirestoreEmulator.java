package com.capidemo.gcp;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;

/** The Firestore emulator, started once per test JVM. */
public final class FirestoreEmulator {

    public static final String PROJECT = "demo-project";
    private static String hostPort;

    private FirestoreEmulator() {}

    public static synchronized String hostPort() {
        if (hostPort == null) {
            hostPort = GcloudEmulator.start("firestore", "emulators", "firestore", "start");
        }
        return hostPort;
    }

    private static Firestore shared;

    /** One client for the whole test JVM (closed with it). */
    public static synchronized Firestore shared() {
        if (shared == null) {
            shared = client();
        }
        return shared;
    }

    public static Firestore client() {
        return FirestoreOptions.newBuilder()
                .setProjectId(PROJECT)
                .setEmulatorHost(hostPort())
                .build()
                .getService();
    }
}
