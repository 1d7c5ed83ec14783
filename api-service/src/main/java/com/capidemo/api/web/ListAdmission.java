package com.capidemo.api.web;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.web.HttpProblems;
import com.capidemo.core.web.edge.EdgeRoutes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Admission control for the tenant-wide reads, {@code GET /api/demos} and {@code GET /api/dashboard}: at most
 * {@code platform.api.list-concurrency} of them (default: one per core) run at once; the others wait, in arrival
 * order and without holding a thread, for a permit. A burst of lists therefore queues at the edge instead of
 * putting a hundred runnable worker threads on the cores, and the requests that are not gated (a single demo, chat,
 * provisioning) keep their share of the CPU. A waiting list is never refused unless {@code platform.api.list-waiting}
 * are already waiting (429 with Retry-After).
 */
@ApplicationScoped
public class ListAdmission {

    /** After the edge's checks (EdgeRoutes), so a refused request never takes a permit. */
    private static final int PRIORITY = 200;

    private static final long RETRY_AFTER_SECONDS = 1;

    private final AdmissionGate gate;

    @Inject
    public ListAdmission(PlatformConfig config, MeterRegistry metrics) {
        this(config.api().listConcurrency(), config.api().listWaiting(), metrics);
    }

    ListAdmission(Optional<Integer> concurrency, int maxWaiting, MeterRegistry metrics) {
        this.gate = new AdmissionGate(concurrency.orElse(Runtime.getRuntime().availableProcessors()), maxWaiting);
        Gauge.builder("platform.api.list.waiting", gate, AdmissionGate::waiting)
                .description("Demo lists and dashboards waiting for a permit")
                .register(metrics);
        Gauge.builder("platform.api.list.in_flight", gate, AdmissionGate::inFlight)
                .description("Demo lists and dashboards running")
                .register(metrics);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    static boolean gated(HttpMethod method, String path) {
        return method == HttpMethod.GET && (path.equals("/api/demos") || path.equals("/api/dashboard"));
    }

    void handle(RoutingContext rc) {
        if (!gated(rc.request().method(), rc.normalizedPath())) {
            rc.next();
            return;
        }
        Context context = Vertx.currentContext();
        // handed over by a request that ended, perhaps on another event loop: this one goes on on its own
        AdmissionGate.Ticket ticket = gate.ticket(() -> context.runOnContext(v -> {
            if (!rc.response().closed()) {
                rc.next();
            }
        }));
        rc.addEndHandler(done -> ticket.close()); // answered, failed or disconnected: the permit or the place is freed
        switch (ticket.enter()) {
            case ADMITTED -> rc.next();
            case WAITING -> {} // started when a permit is handed over
            case REFUSED ->
                EdgeRoutes.answer(rc, HttpProblems.of(429, rc.request().path()), RETRY_AFTER_SECONDS);
        }
    }

    /** The gate, for tests (operators read the gauges). */
    AdmissionGate gate() {
        return gate;
    }
}
