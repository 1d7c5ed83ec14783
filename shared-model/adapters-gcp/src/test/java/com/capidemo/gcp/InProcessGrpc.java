package com.capidemo.gcp;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.protobuf.Message;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * An in-process gRPC server with fake Google services, and the transport a real Google client is built on to reach
 * it: everything above the wire (the generated client, gax retries, long-running operations) is the production code.
 */
public final class InProcessGrpc implements AutoCloseable {

    private final Server server;
    private final ManagedChannel channel;

    private InProcessGrpc(Server server, ManagedChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    public static InProcessGrpc start(Object... services) throws IOException {
        String name = InProcessServerBuilder.generateName();
        InProcessServerBuilder builder = InProcessServerBuilder.forName(name).directExecutor();
        for (Object s : services) {
            if (s instanceof BindableService b) {
                builder.addService(b);
            } else {
                builder.addService((ServerServiceDefinition) s);
            }
        }
        return new InProcessGrpc(
                builder.build().start(),
                InProcessChannelBuilder.forName(name).directExecutor().build());
    }

    /** For a client's settings builder (the client closes the channel when it is closed). */
    public TransportChannelProvider channels() {
        return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    public static CredentialsProvider noCredentials() {
        return NoCredentialsProvider.create();
    }

    /**
     * A unary method bound by hand, for services whose generated grpc-java stubs (grpc-google-cloud-*) are not a
     * dependency: the wire format is the request and response protos, which the client's proto artifacts provide.
     */
    static <Q extends Message, R extends Message> ServerMethodDefinition<Q, R> unary(
            String service, String method, Q request, R response, BiConsumer<Q, StreamObserver<R>> handler) {
        MethodDescriptor<Q, R> descriptor = MethodDescriptor.<Q, R>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
                .setRequestMarshaller(ProtoUtils.marshaller(request))
                .setResponseMarshaller(ProtoUtils.marshaller(response))
                .build();
        return ServerMethodDefinition.create(descriptor, ServerCalls.asyncUnaryCall(handler::accept));
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
