package com.capidemo.quick.service;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.port.DemoStore;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scores readiness in the background, {@code platform.readiness.workers} demos at a time, so a burst of provisions neither waits for
 * nor competes with the scoring: the job is completed and acked first, and scoring waits until no push
 * has arrived for {@link #QUIET}. Demos left unscored by a stop are picked up at the next start.
 */
@ApplicationScoped
public class ReadinessScorer {

    /** How long (ms) the worker must have been idle before scoring resumes; measured on the monotonic clock. */
    static final long QUIET = 500;

    private final QuickProvisioner provisioner;
    private volatile long lastPush = System.nanoTime() - QUIET * 1_000_000;
    private final DemoStore demos;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker;

    public ReadinessScorer(QuickProvisioner provisioner, DemoStore demos, PlatformConfig config) {
        int workers = config.readiness().workers();
        this.provisioner = provisioner;
        this.demos = demos;
        // Each worker scores one demo in its own warehouse session; after a burst of provisioning the demos are
        // scored this many at a time (at low priority: provisioning comes first).
        this.worker = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "readiness-scorer");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    void onStart(@Observes StartupEvent event) {
        sweep();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Called for every push: provisioning has priority over scoring. */
    public void pushArrived() {
        lastPush = System.nanoTime();
    }

    private void awaitQuiet() throws InterruptedException {
        long quietFor;
        while ((quietFor = (System.nanoTime() - lastPush) / 1_000_000) < QUIET) {
            Thread.sleep(QUIET - quietFor);
        }
    }

    /** Queues every ready demo that has no readiness yet. */
    public void sweep() {
        try {
            demos.listReadyUnscored(1000).forEach(this::submit);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not list unscored demos");
        }
    }

    /** Queues one demo (once, however often it is asked for). */
    public void submit(String demoId) {
        if (!queued.add(demoId)) {
            return;
        }
        // the scoring joins the trace of the provision that asked for it
        worker.execute(io.opentelemetry.context.Context.current().wrap(() -> {
            try {
                awaitQuiet();
                provisioner.recordReadiness(demoId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Log.warnf(e, "could not score the readiness of demo %s", demoId);
            } finally {
                queued.remove(demoId);
            }
        }));
    }
}
