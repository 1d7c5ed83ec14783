package com.capidemo.gcp;

import com.google.cloud.geminidataanalytics.v1beta.ChatRequest;
import com.google.cloud.geminidataanalytics.v1beta.DataChatServiceGrpc;
import com.google.cloud.geminidataanalytics.v1beta.Message;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** DataChatService.Chat: records each request and streams the scripted reply, or fails with {@link #failure}. */
final class FakeDataChat extends DataChatServiceGrpc.DataChatServiceImplBase {

    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    volatile List<Message> reply = List.of();
    volatile Status failure;

    @Override
    public void chat(ChatRequest request, StreamObserver<Message> out) {
        requests.add(request);
        if (failure != null) {
            out.onError(failure.asRuntimeException());
            return;
        }
        reply.forEach(out::onNext);
        out.onCompleted();
    }
}
