package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.DemoCount;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.LifecycleRun;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.telemetry.PlatformMeters;
import com.capidemo.lifecycle.config.LifecycleConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daily metrics export: demo counts per status, template and tenant, read from the store and published
 * as Micrometer gauges — {@code demos.active} and {@code demos.archived} (tags tenant, template), {@code template.usage}
 * (tag template: demos not deleted), {@code demos.status} (tag status) — which keep their values until the next export,
 * plus {@code cost.estimated_monthly_cents} ({@link CostEstimate}), and one {@code lifecycle_runs} entry holding the same
 * counts and the estimate ({@code cost.estimated_monthly_cents}).
 */
@ApplicationScoped
public class DemoMetrics {

    public static final String KIND = "export-metrics";
    static final String NO_TEMPLATE = "none";

    private final DemoStore demos;
    private final RunRecorder runs;
    private final MultiGauge active;
    private final MultiGauge archived;
    private final MultiGauge templateUsage;
    private final MultiGauge byStatus;
    private final LifecycleConfig.Cost cost;
    private final AtomicLong estimatedCents = new AtomicLong();

    public DemoMetrics(DemoStore demos, RunRecorder runs, MeterRegistry registry, LifecycleConfig config) {
        this.demos = demos;
        this.runs = runs;
        this.cost = config.cost();
        Gauge.builder(PlatformMeters.COST_MONTHLY, estimatedCents, AtomicLong::get)
                .description("Estimated monthly cost in US cents implied by the demo counts (docs/cost.md)")
                .register(registry);
        this.active = MultiGauge.builder("demos.active")
                .description("Ready demos per tenant and template")
                .register(registry);
        this.archived = MultiGauge.builder("demos.archived")
                .description("Archived demos per tenant and template")
                .register(registry);
        this.templateUsage = MultiGauge.builder("template.usage")
                .description("Demos made from each template that are not deleted")
                .register(registry);
        this.byStatus = MultiGauge.builder("demos.status")
                .description("Demos per status")
                .register(registry);
    }

    @WithSpan("lifecycle.export-metrics")
    public MetricsReport export(String trigger) {
        LifecycleRun run = runs.run(KIND, trigger, now -> {
            List<DemoCount> counts = demos.countDemos();
            Map<String, Long> statuses = new TreeMap<>();
            for (DemoStatus s : DemoStatus.values()) {
                statuses.put(s.wire(), 0L);
            }
            Map<String, Long> templates = new TreeMap<>();
            Map<String, Long> tenants = new TreeMap<>();
            List<MultiGauge.Row<?>> activeRows = new ArrayList<>();
            List<MultiGauge.Row<?>> archivedRows = new ArrayList<>();
            for (DemoCount c : counts) {
                statuses.merge(c.status().wire(), c.count(), Long::sum);
                String template = c.templateId() == null ? NO_TEMPLATE : c.templateId();
                if (c.status() != DemoStatus.DELETED) {
                    templates.merge(template, c.count(), Long::sum);
                    tenants.merge(c.tenantId(), c.count(), Long::sum);
                }
                Tags tags = Tags.of("tenant", c.tenantId(), "template", template);
                if (c.status() == DemoStatus.READY) {
                    activeRows.add(MultiGauge.Row.of(tags, c.count()));
                } else if (c.status() == DemoStatus.ARCHIVED) {
                    archivedRows.add(MultiGauge.Row.of(tags, c.count()));
                }
            }
            active.register(activeRows, true);
            archived.register(archivedRows, true);
            templateUsage.register(
                    templates.entrySet().stream()
                            .map(e -> MultiGauge.Row.of(Tags.of("template", e.getKey()), e.getValue()))
                            .toList(),
                    true);
            byStatus.register(
                    statuses.entrySet().stream()
                            .map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey()), e.getValue()))
                            .toList(),
                    true);
            long cents = CostEstimate.monthlyCents(counts, cost);
            estimatedCents.set(cents);
            Map<String, Long> flat = new LinkedHashMap<>();
            statuses.forEach((k, v) -> flat.put("status." + k, v));
            templates.forEach((k, v) -> flat.put("template." + k, v));
            tenants.forEach((k, v) -> flat.put("tenant." + k, v));
            flat.put(PlatformMeters.COST_MONTHLY, cents);
            return flat;
        });
        return new MetricsReport(
                section(run.counts(), "status."),
                section(run.counts(), "template."),
                section(run.counts(), "tenant."),
                run.finishedAt(),
                run.durationMs(),
                run.runId());
    }

    private static Map<String, Long> section(Map<String, Long> flat, String prefix) {
        Map<String, Long> out = new TreeMap<>();
        flat.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
