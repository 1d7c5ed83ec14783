package com.capidemo.lifecycle.rest;

import com.capidemo.core.domain.LifecycleRun;
import com.capidemo.core.port.LifecycleRunStore;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.lifecycle.service.Cleanup;
import com.capidemo.lifecycle.service.CleanupReport;
import com.capidemo.lifecycle.service.DemoMetrics;
import com.capidemo.lifecycle.service.ExpiryWarnings;
import com.capidemo.lifecycle.service.MetricsReport;
import com.capidemo.lifecycle.service.RunRecorder;
import com.capidemo.lifecycle.service.WarningsReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The lifecycle jobs Cloud Scheduler (or the local cron, or an operator) starts; callers are checked by
 * platform-core's {@link com.capidemo.core.web.WorkerAuthFilter} (the worker credential or the admin token on
 * every path under platform.edge.worker-paths). Any request body (Cloud Scheduler sends {@code {}}) is ignored.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    static final int MAX_RUNS = 100;

    private final Cleanup cleanup;
    private final ExpiryWarnings warnings;
    private final DemoMetrics metrics;
    private final LifecycleRunStore runs;

    public AdminResource(Cleanup cleanup, ExpiryWarnings warnings, DemoMetrics metrics, LifecycleRunStore runs) {
        this.cleanup = cleanup;
        this.warnings = warnings;
        this.metrics = metrics;
        this.runs = runs;
    }

    /** Archives unused demos, deletes long-archived ones, drops old temporary and leftover datasets. */
    @POST
    @Path("/cleanup")
    @Consumes(MediaType.WILDCARD)
    public CleanupReport cleanup() {
        return cleanup.run(RunRecorder.HTTP);
    }

    /** Warns owners whose demos will be archived within the warning period (once per demo and cycle). */
    @POST
    @Path("/send-warnings")
    @Consumes(MediaType.WILDCARD)
    public WarningsReport sendWarnings() {
        return warnings.run(RunRecorder.HTTP);
    }

    /** Exports demo counts per status, template and tenant as gauges and records them as a run. */
    @POST
    @Path("/export-metrics")
    @Consumes(MediaType.WILDCARD)
    public MetricsReport exportMetrics() {
        return metrics.export(RunRecorder.HTTP);
    }

    public record Runs(List<LifecycleRun> runs) {}

    /** The most recent runs of every kind, newest first. */
    @GET
    @Path("/runs")
    public Runs runs(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_RUNS) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_RUNS);
        }
        return new Runs(runs.recent(limit));
    }
}
