package com.capidemo.core.adapter;

import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.vertx.core.Context;

/**
 * Store work (JDBC, a Firestore call awaited) blocks its thread, so it must never run on a Vert.x I/O thread: one
 * slow query there stalls every request that event loop serves (Quarkus' worker pool and virtual threads are fine). The store adapters call {@link #refuse} before they
 * block, so a resource, filter or route that reaches a store from the event loop fails at once — as Quarkus' own
 * blocking APIs do — instead of stalling the service; the edge fuzz suites' zero-5xx rule then finds it.
 */
public final class IoThreads {

    private IoThreads() {}

    /** Throws {@link BlockingOperationNotAllowedException} when called on an I/O (event-loop) thread. */
    public static void refuse(String what) {
        if (Context.isOnEventLoopThread()) {
            throw new BlockingOperationNotAllowedException(what + " would block the I/O thread "
                    + Thread.currentThread().getName() + "; run it on a worker thread (@Blocking)");
        }
    }
}
