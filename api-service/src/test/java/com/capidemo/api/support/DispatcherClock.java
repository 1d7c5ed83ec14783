package com.capidemo.api.support;

import com.capidemo.core.testing.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The clock of the dispatcher tests, enabled by their test profiles: a {@link MutableClock} that stands still until a
 * test moves it past a backoff or a rate-limit second, so no test waits for time to pass. The outbox, the task queue,
 * their dispatchers and the job store all read it.
 */
@Alternative
@ApplicationScoped
public class DispatcherClock {

    @Produces
    @Singleton
    MutableClock clock() {
        return new MutableClock(Instant.now());
    }
}
