package com.capidemo.core.telemetry;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The meters the platform emits on purpose, by name, and what reaches Cloud Monitoring: every name here except the
 * per-tenant gauges (a tenant id is not a label we pay for). The dashboard and the alert policies in infra/ may use
 * only these (a test checks both ways: each name is emitted by the code, each metric the infrastructure names is
 * here). Labels are low-cardinality by construction: type, template, outcome, status, kind, queue, topic, reason;
 * HTTP routes are templates, never raw paths.
 */
public final class PlatformMeters {

    /** Timer: one job delivery, by type, template and outcome (completed, failed, retried, lease_lost). */
    public static final String PROVISION_DURATION = "provision.duration";
    /** Counter: job deliveries, same labels as {@link #PROVISION_DURATION}. */
    public static final String PROVISION_COUNT = "provision.count";
    /** Counter: provision requests accepted by the API, by type and template. */
    public static final String PROVISION_ACCEPTED = "provision.accepted";
    /** Counter: local outbox deliveries by topic and outcome (acked, retried, dead_lettered). */
    public static final String OUTBOX_DELIVERY = "outbox.delivery";
    /** Counter: local task dispatches by queue and outcome (done, retried, failed). */
    public static final String TASKS_DISPATCH = "tasks.dispatch";
    /** Counter: messages the dead-letter subscription delivered, by outcome (job_failed, ignored). */
    public static final String PUBSUB_DEAD_LETTER = "pubsub.dead_letter";
    /** Timer: one chat turn by outcome (golden, planned, declined, ...). */
    public static final String CHAT_DURATION = "chat.duration";
    /** Counter: chat turns by outcome, for the decline rate. */
    public static final String CHAT_COUNT = "chat.count";
    /** Counters: pipeline runs accepted (by template) and refused (by reason). */
    public static final String PIPELINE_ACCEPTED = "pipeline.accepted";

    public static final String PIPELINE_REJECTED = "pipeline.rejected";
    /** Timer: lifecycle runs by kind and outcome (ok, error). */
    public static final String LIFECYCLE_RUN = "lifecycle.run";
    /** Counters: what a cleanup did (archived, deleted, ...) and the expiry warnings sent, by result. */
    public static final String LIFECYCLE_CLEANUP = "lifecycle.cleanup";

    public static final String LIFECYCLE_WARNINGS = "lifecycle.warnings";
    /** Gauges from the lifecycle's metrics export: demos per status, demos per template. */
    public static final String DEMOS_STATUS = "demos.status";

    public static final String TEMPLATE_USAGE = "template.usage";
    /** Gauge: the estimated monthly cost in US cents from the lifecycle's metrics export (docs/cost.md). */
    public static final String COST_MONTHLY = "cost.estimated_monthly_cents";
    /** Timer (Quarkus): HTTP server requests by method, route template, status and outcome. */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** Gauges: list and dashboard requests waiting for and holding a permit of the admission gate. */
    public static final String LIST_WAITING = "platform.api.list.waiting";

    public static final String LIST_IN_FLIGHT = "platform.api.list.in_flight";
    /** Gauges per tenant and template: Prometheus only, never exported (a tenant id is an id). */
    public static final String DEMOS_ACTIVE = "demos.active";

    public static final String DEMOS_ARCHIVED = "demos.archived";

    /** Exported to Cloud Monitoring. */
    public static final List<String> EXPORTED = List.of(
            PROVISION_DURATION,
            PROVISION_COUNT,
            PROVISION_ACCEPTED,
            OUTBOX_DELIVERY,
            TASKS_DISPATCH,
            PUBSUB_DEAD_LETTER,
            CHAT_DURATION,
            CHAT_COUNT,
            PIPELINE_ACCEPTED,
            PIPELINE_REJECTED,
            LIFECYCLE_RUN,
            LIFECYCLE_CLEANUP,
            LIFECYCLE_WARNINGS,
            DEMOS_STATUS,
            TEMPLATE_USAGE,
            COST_MONTHLY,
            HTTP_SERVER_REQUESTS,
            LIST_WAITING,
            LIST_IN_FLIGHT);

    /** Emitted, in /q/metrics only. */
    public static final List<String> PROMETHEUS_ONLY = List.of(DEMOS_ACTIVE, DEMOS_ARCHIVED);

    /** Timers whose latency percentiles the dashboard and the alerts read. */
    static final Set<String> LATENCIES = Set.of(PROVISION_DURATION, CHAT_DURATION, LIFECYCLE_RUN, HTTP_SERVER_REQUESTS);

    /** The Cloud Monitoring prefix of custom metrics. */
    public static final String CUSTOM_PREFIX = "custom.googleapis.com/";

    private PlatformMeters() {}

    /** The Cloud Monitoring metric type of a meter: {@code custom.googleapis.com/provision/duration}. */
    public static String metricType(String meter) {
        return CUSTOM_PREFIX + meter.toLowerCase(Locale.ROOT).replace('.', '/');
    }

    /** Lets through only the {@link #EXPORTED} meters (for the Cloud Monitoring registry; cost stays bounded). */
    public static MeterFilter exportOnly() {
        return MeterFilter.denyUnless(id -> EXPORTED.contains(id.getName()));
    }

    /**
     * Gives the latency timers a histogram between 5 ms and 30 min, so Cloud Monitoring receives distributions it can
     * take percentiles of (p50 / p95 in the dashboard and the alerts).
     */
    public static MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !LATENCIES.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                        .maximumExpectedValue((double) Duration.ofMinutes(30).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
