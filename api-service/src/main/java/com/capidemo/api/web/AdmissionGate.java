package com.capidemo.api.web;

import java.util.ArrayDeque;

/**
 * A fixed number of permits for one kind of request; a request that finds none free waits in a bounded FIFO queue
 * without holding a thread, and is started when a permit is handed over to it. Each request holds a {@link Ticket};
 * closing it (when the response ends, fails or its connection closes) frees the permit or leaves the queue, whichever
 * it holds, exactly once.
 */
final class AdmissionGate {

    private enum State {
        NEW,
        WAITING,
        ADMITTED,
        DONE
    }

    private final int permits;
    private final int maxWaiting;
    private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
    private int inFlight;

    AdmissionGate(int permits, int maxWaiting) {
        if (permits < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("permits must be at least 1 and maxWaiting at least 0");
        }
        this.permits = permits;
        this.maxWaiting = maxWaiting;
    }

    /** What {@link Ticket#enter()} did. */
    enum Entry {
        ADMITTED,
        WAITING,
        REFUSED
    }

    /** A ticket whose {@code handedOver} runs when it gets a permit after waiting (on the closing ticket's thread). */
    Ticket ticket(Runnable handedOver) {
        return new Ticket(handedOver);
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    int permits() {
        return permits;
    }

    final class Ticket {
        private final Runnable handedOver;
        private State state = State.NEW;

        private Ticket(Runnable handedOver) {
            this.handedOver = handedOver;
        }

        /** Takes a free permit (the caller starts the request), or queues, or is refused when the queue is full. */
        Entry enter() {
            synchronized (AdmissionGate.this) {
                if (state != State.NEW) {
                    throw new IllegalStateException("a ticket enters once");
                }
                if (inFlight < permits) {
                    inFlight++;
                    state = State.ADMITTED;
                    return Entry.ADMITTED;
                }
                if (waiting.size() < maxWaiting) {
                    waiting.addLast(this);
                    state = State.WAITING;
                    return Entry.WAITING;
                }
                state = State.DONE;
                return Entry.REFUSED;
            }
        }

        /** Frees the permit (handing it to the longest waiting ticket) or leaves the queue; later calls do nothing. */
        void close() {
            Ticket next = null;
            synchronized (AdmissionGate.this) {
                if (state == State.WAITING) {
                    waiting.remove(this);
                } else if (state == State.ADMITTED) {
                    next = waiting.pollFirst();
                    if (next == null) {
                        inFlight--;
                    } else {
                        next.state = State.ADMITTED;
                    }
                }
                state = State.DONE;
            }
            if (next != null) {
                next.handedOver.run();
            }
        }
    }
}
