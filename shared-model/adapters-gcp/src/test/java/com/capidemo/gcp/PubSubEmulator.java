package com.capidemo.gcp;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

/** The Pub/Sub emulator, started once per test JVM, and a plaintext channel to it for the clients. */
public final class PubSubEmulator {

    public static final String PROJECT = "demo-project";
    private static String hostPort;
    private static ManagedChannel channel;

    private PubSubEmulator() {}

    public static synchronized String hostPort() {
        if (hostPort == null) {
            hostPort = GcloudEmulator.start("pubsub", "beta", "emulators", "pubsub", "start", "--project=" + PROJECT);
        }
        return hostPort;
    }

    public static synchronized TransportChannelProvider channels() {
        if (channel == null) {
            channel = ManagedChannelBuilder.forTarget(hostPort()).usePlaintext().build();
        }
        return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    public static NoCredentialsProvider credentials() {
        return NoCredentialsProvider.create();
    }
}
