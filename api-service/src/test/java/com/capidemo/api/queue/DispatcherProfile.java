package com.capidemo.api.queue;

import com.capidemo.api.support.DispatcherClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * The outbox dispatcher on, with a short ack deadline (an HTTP timeout, real time) and backoffs in the tests' clock
 * ({@link DispatcherClock}), which the tests move past each backoff instead of waiting.
 */
public class DispatcherProfile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(DispatcherClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "platform.queue.quick.dispatcher.enabled", "true",
                "platform.queue.quick.min-backoff", "10s",
                "platform.queue.quick.max-backoff", "40s",
                "platform.queue.quick.max-delivery-attempts", "3",
                "platform.queue.quick.ack-deadline", "3s",
                "platform.worker.shared-secret", "stub-secret");
    }
}
