package com.capidemo.gcp;

import com.google.cloud.geminidataanalytics.v1beta.CreateDataAgentRequest;
import com.google.cloud.geminidataanalytics.v1beta.DataAgent;
import com.google.cloud.geminidataanalytics.v1beta.DataAgentServiceGrpc;
import com.google.cloud.geminidataanalytics.v1beta.DeleteDataAgentRequest;
import com.google.cloud.geminidataanalytics.v1beta.GetDataAgentRequest;
import com.google.cloud.geminidataanalytics.v1beta.OperationMetadata;
import com.google.cloud.geminidataanalytics.v1beta.UpdateDataAgentRequest;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import com.google.protobuf.util.FieldMaskUtil;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Conversational Analytics DataAgentService as it behaves for us: agents keyed by name, ALREADY_EXISTS on a
 * second create, NOT_FOUND for unknown agents, and create/update/delete as long-running operations. With
 * {@link #pendingOperations} the operations come back unfinished and complete when the client polls them through
 * google.longrunning.Operations/GetOperation.
 */
final class FakeDataAgents extends DataAgentServiceGrpc.DataAgentServiceImplBase {

    final Map<String, DataAgent> agents = new ConcurrentHashMap<>();
    final List<CreateDataAgentRequest> creates = new CopyOnWriteArrayList<>();
    final List<UpdateDataAgentRequest> updates = new CopyOnWriteArrayList<>();
    final List<DeleteDataAgentRequest> deletes = new CopyOnWriteArrayList<>();
    final List<GetOperationRequest> polls = new CopyOnWriteArrayList<>();
    volatile boolean pendingOperations;
    private final Map<String, Operation> finished = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public void createDataAgent(CreateDataAgentRequest request, StreamObserver<Operation> out) {
        creates.add(request);
        String name = request.getParent() + "/dataAgents/" + request.getDataAgentId();
        DataAgent agent = request.getDataAgent().toBuilder().setName(name).build();
        if (agents.putIfAbsent(name, agent) != null) {
            out.onError(Status.ALREADY_EXISTS.withDescription(name + " exists").asRuntimeException());
            return;
        }
        respond(out, agent, "create");
    }

    @Override
    public void updateDataAgent(UpdateDataAgentRequest request, StreamObserver<Operation> out) {
        updates.add(request);
        String name = request.getDataAgent().getName();
        DataAgent current = agents.get(name);
        if (current == null) {
            out.onError(Status.NOT_FOUND.withDescription(name).asRuntimeException());
            return;
        }
        // The fields the mask names are overwritten (repeated ones replaced, not appended); the others are kept.
        DataAgent.Builder updated = current.toBuilder();
        FieldMaskUtil.merge(
                request.getUpdateMask(),
                request.getDataAgent(),
                updated,
                new FieldMaskUtil.MergeOptions().setReplaceMessageFields(true).setReplaceRepeatedFields(true));
        agents.put(name, updated.build());
        respond(out, updated.build(), "update");
    }

    @Override
    public void deleteDataAgent(DeleteDataAgentRequest request, StreamObserver<Operation> out) {
        deletes.add(request);
        if (agents.remove(request.getName()) == null) {
            out.onError(Status.NOT_FOUND.withDescription(request.getName()).asRuntimeException());
            return;
        }
        respond(out, Empty.getDefaultInstance(), "delete");
    }

    @Override
    public void getDataAgent(GetDataAgentRequest request, StreamObserver<DataAgent> out) {
        DataAgent agent = agents.get(request.getName());
        if (agent == null) {
            out.onError(Status.NOT_FOUND.withDescription(request.getName()).asRuntimeException());
            return;
        }
        out.onNext(agent);
        out.onCompleted();
    }

    /** google.longrunning.Operations, bound by hand: its grpc stubs are not a dependency. */
    ServerServiceDefinition operations() {
        String svc = "google.longrunning.Operations";
        return ServerServiceDefinition.builder(svc)
                .addMethod(InProcessGrpc.unary(
                        svc,
                        "GetOperation",
                        GetOperationRequest.getDefaultInstance(),
                        Operation.getDefaultInstance(),
                        (r, out) -> {
                            polls.add(r);
                            Operation op = finished.get(r.getName());
                            if (op == null) {
                                out.onError(Status.NOT_FOUND
                                        .withDescription(r.getName())
                                        .asRuntimeException());
                            } else {
                                out.onNext(op);
                                out.onCompleted();
                            }
                        }))
                .build();
    }

    private void respond(StreamObserver<Operation> out, Message result, String verb) {
        String name = "projects/p/locations/global/operations/" + verb + "-" + ids.incrementAndGet();
        Any metadata = Any.pack(OperationMetadata.newBuilder().setVerb(verb).build());
        Operation done = Operation.newBuilder()
                .setName(name)
                .setMetadata(metadata)
                .setDone(true)
                .setResponse(Any.pack(result))
                .build();
        finished.put(name, done);
        out.onNext(
                pendingOperations
                        ? Operation.newBuilder()
                                .setName(name)
                                .setMetadata(metadata)
                                .build()
                        : done);
        out.onCompleted();
    }
}
