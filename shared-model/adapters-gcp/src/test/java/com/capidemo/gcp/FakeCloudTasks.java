package com.capidemo.gcp;

import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.Task;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Cloud Tasks' CreateTask as the service behaves: a task name is unique in its queue (ALREADY_EXISTS otherwise).
 * Tests queue up faults: {@link #failNext} answers with an error without creating, {@link #loseNextResponse}
 * creates the task and then answers UNAVAILABLE, as when the response is lost on the way back.
 */
public final class FakeCloudTasks {

    public final List<CreateTaskRequest> requests = new CopyOnWriteArrayList<>();
    public final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Status> failures = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Boolean> lostResponses = new ConcurrentLinkedDeque<>();

    public void failNext(Status status) {
        failures.add(status);
    }

    public void loseNextResponse() {
        lostResponses.add(true);
    }

    public ServerServiceDefinition service() {
        return ServerServiceDefinition.builder("google.cloud.tasks.v2.CloudTasks")
                .addMethod(InProcessGrpc.unary(
                        "google.cloud.tasks.v2.CloudTasks",
                        "CreateTask",
                        CreateTaskRequest.getDefaultInstance(),
                        Task.getDefaultInstance(),
                        (request, response) -> {
                            requests.add(request);
                            Status failure = failures.poll();
                            if (failure != null) {
                                response.onError(failure.asRuntimeException());
                                return;
                            }
                            Task task = request.getTask();
                            if (tasks.putIfAbsent(task.getName(), task) != null) {
                                response.onError(Status.ALREADY_EXISTS
                                        .withDescription("task exists")
                                        .asRuntimeException());
                            } else if (lostResponses.poll() != null) {
                                response.onError(Status.UNAVAILABLE
                                        .withDescription("connection reset")
                                        .asRuntimeException());
                            } else {
                                response.onNext(task);
                                response.onCompleted();
                            }
                        }))
                .build();
    }
}
