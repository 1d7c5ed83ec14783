package com.capidemo.api.rest;

import com.capidemo.core.domain.Job;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** Polls a job and streams each new version of it, up to and including the terminal one. */
final class JobEvents {

    static final Duration POLL = Duration.ofMillis(200);
    static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private JobEvents() {}

    static Multi<Job> untilFinished(Supplier<Job> current) {
        AtomicBoolean finished = new AtomicBoolean();
        return Multi.createFrom()
                .ticks()
                .startingAfter(Duration.ofMillis(1))
                .onExecutor(Infrastructure.getDefaultWorkerPool())
                .every(POLL)
                // The ticks fire on a Vert.x timer (an event-loop thread): read the store on a worker thread.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem()
                .transform(tick -> current.get())
                // Keep the terminal version, then stop at the next poll.
                .select()
                .first(job -> {
                    boolean keep = !finished.get();
                    if (job.status().isTerminal()) {
                        finished.set(true);
                    }
                    return keep;
                })
                .skip()
                .repetitions()
                .select()
                .first(MAX_STREAM);
    }
}
