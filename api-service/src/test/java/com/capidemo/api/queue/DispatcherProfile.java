package com.capidemo.api.queue;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The outbox dispatcher on, with short backoffs and deadlines so retry behaviour runs in seconds. */
public class DispatcherProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "platform.queue.quick.dispatcher.enabled", "true",
                "platform.queue.quick.min-backoff", "100ms",
                "platform.queue.quick.max-backoff", "300ms",
                "platform.queue.quick.max-delivery-attempts", "3",
                "platform.queue.quick.ack-deadline", "1s",
                "platform.worker.shared-secret", "stub-secret");
    }
}
