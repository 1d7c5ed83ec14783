package com.capidemo.api.queue;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The local task dispatcher on, with short backoffs so retry behaviour runs in seconds, and seed 001's rate limit. */
public class TaskDispatcherProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "platform.queue.custom.dispatcher.enabled", "true",
                "platform.queue.custom.min-backoff", "100ms",
                "platform.queue.custom.max-backoff", "300ms",
                "platform.queue.custom.max-attempts", "3",
                "platform.queue.custom.max-dispatches-per-second", "5",
                "platform.queue.custom.max-concurrent-dispatches", "10",
                "platform.worker.shared-secret", "stub-secret");
    }
}
