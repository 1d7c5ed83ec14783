package com.capidemo.core.adapter.contract;

import com.capidemo.core.port.JobStore;
import com.capidemo.core.testing.InMemoryJobStore;
import java.time.Clock;

/** The in-memory test double keeps the same promises as the real job stores, so tests built on it mean something. */
class InMemoryJobStoreTest extends JobStoreContract {

    private final InMemoryJobStore jobs = new InMemoryJobStore(Clock.systemUTC());

    @Override
    protected JobStore store(Clock clock) {
        return jobs.withClock(clock);
    }
}
