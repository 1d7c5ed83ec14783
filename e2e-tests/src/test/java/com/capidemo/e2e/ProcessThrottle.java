package com.capidemo.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Slows a running service from the test side: its process is stopped and continued in turn (SIGSTOP / SIGCONT), so
 * that a test can watch the phases of a job go by, or kill the worker in one of them, although the real work is much
 * faster than the poller. The product has no pause of its own for tests; closing the throttle lets the process run on.
 */
public final class ProcessThrottle implements AutoCloseable {

    private final long pid;
    private final Thread thread;
    private volatile boolean running = true;

    /** Lets the process run for {@code run}, then holds it for {@code pause}, until closed. */
    ProcessThrottle(long pid, Duration run, Duration pause) {
        this.pid = pid;
        this.thread = new Thread(
                () -> {
                    try {
                        while (running) {
                            signal("STOP");
                            Thread.sleep(pause.toMillis());
                            signal("CONT");
                            Thread.sleep(run.toMillis());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "throttle-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    private void signal(String signal) throws InterruptedException {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
            signal("CONT");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
