package com.capidemo.api.queue;

import com.capidemo.api.support.DispatcherClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * The local task dispatcher on, with the queue's rate limit; backoffs and the rate limit's seconds are the tests' clock
 * ({@link DispatcherClock}), which the tests move instead of waiting.
 */
public class TaskDispatcherProfile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(DispatcherClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "platform.queue.custom.dispatcher.enabled", "true",
                "platform.queue.custom.min-backoff", "10s",
                "platform.queue.custom.max-backoff", "40s",
                "platform.queue.custom.max-attempts", "3",
                "platform.queue.custom.max-deferral", "10m",
                "platform.queue.custom.max-dispatches-per-second", "5",
                "platform.queue.custom.max-concurrent-dispatches", "10",
                "platform.worker.shared-secret", "stub-secret");
    }
}
