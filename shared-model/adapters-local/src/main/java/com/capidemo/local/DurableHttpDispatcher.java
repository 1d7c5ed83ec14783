package com.capidemo.local;

import io.quarkus.logging.Log;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loop shared by the local stand-ins for Pub/Sub push and Cloud Tasks: rows in a SQLite table are claimed when
 * due, POSTed by a bounded pool of senders, and answered rows leave the table's pending state. All state lives in
 * SQLite, so a restart loses nothing: in-flight rows whose deadline passed are claimed again. When a row is due, when a
 * delivery deadline has passed and how long a backoff lasts are read from the injected {@link Clock}, so tests move
 * time by hand instead of waiting for it.
 *
 * @param <M> one claimed row
 */
abstract class DurableHttpDispatcher<M> {

    private final String name;
    /** The time due dates, deadlines and backoffs are measured in. */
    protected final Clock clock;

    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService senders;
    /** Sends the requests; it keeps its own executor, since sharing the senders' pool deadlocks once every sender
     * thread is blocked in send() and none is left to complete the exchanges. */
    protected HttpClient http;

    protected DurableHttpDispatcher(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    protected abstract int concurrency();

    protected abstract Duration pollInterval();

    /** Puts rows whose delivery deadline passed without an answer (e.g. this process died) back to pending. */
    protected abstract void requeueExpired();

    /** Claims up to {@code limit} due rows, marking them in flight. */
    protected abstract List<M> claimDue(int limit);

    /** Epoch millis when the next pending row falls due; null when none is pending. */
    protected abstract Long nextDueMillis();

    protected abstract void deliver(M row);

    /** How many of {@code free} sender slots may be used now; rate-limited dispatchers return fewer. */
    protected int admit(int free) {
        return free;
    }

    protected final void startLoop() {
        int concurrency = Math.max(1, concurrency());
        senders = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, name + "-sender");
            t.setDaemon(true);
            return t;
        });
        http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        running = true;
        Thread loop = new Thread(this::run, name + "-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    protected final void stopLoop() {
        running = false;
        wakeups.release();
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    /** Called after an insert so a new row is sent at once instead of at the next poll. */
    public void wake() {
        wakeups.release();
    }

    private void run() {
        int capacity = Math.max(1, concurrency());
        long lastRequeue = System.nanoTime() - 1_000_000_000L;
        while (running) {
            try {
                if (System.nanoTime() - lastRequeue >= 1_000_000_000L) { // how often to look, not a deadline
                    requeueExpired();
                    lastRequeue = System.nanoTime();
                }
                int free = capacity - inFlight.get();
                long wait = pollInterval().toMillis();
                int admitted = free > 0 ? admit(free) : 0;
                if (admitted > 0) {
                    for (M row : claimDue(admitted)) {
                        inFlight.incrementAndGet();
                        senders.execute(() -> {
                            try {
                                deliver(row);
                            } finally {
                                inFlight.decrementAndGet();
                                wakeups.release();
                            }
                        });
                    }
                    wait = waitMillis();
                } else if (free > 0) {
                    wait = Math.min(wait, 50); // rate-limited: look again when the next token is due
                }
                // When every slot is busy, a finishing delivery wakes us; otherwise sleep until the next due row.
                wakeups.tryAcquire(wait, TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf(e, "%s dispatcher loop error; retrying", name);
                sleepQuietly(500);
            }
        }
    }

    /** Sleeps until the next due row or the poll interval, whichever comes first. */
    private long waitMillis() {
        long poll = pollInterval().toMillis();
        Long next = nextDueMillis();
        return next == null ? poll : Math.max(1, Math.min(poll, next - clock.millis()));
    }

    /** Exponential backoff after the n-th failed attempt: min·2^(n-1), capped at max. */
    static Duration backoff(int attempt, Duration min, Duration max) {
        long factor = 1L << Math.min(30, Math.max(0, attempt - 1));
        long millis = min.toMillis() * factor;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
