package com.capidemo.lifecycle.service;

import com.capidemo.core.domain.DemoCount;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.lifecycle.config.LifecycleConfig;
import java.util.List;
import java.util.Set;

/**
 * The monthly cost the demo counts imply, in US cents: the fixed part plus the BigQuery storage of the demos whose data
 * is their own (custom demos: generated tables; a template demo's tables are zero-copy clones of the template's and
 * store nothing until the template changes). Deleted demos hold no dataset. Usage-driven costs (Cloud Run time,
 * queries, Gemini calls) are per provision and per chat turn and are not derivable from counts; docs/cost.md has them.
 */
public final class CostEstimate {

    /** Template ids of demos whose tables are generated rather than cloned. */
    static final Set<String> GENERATED = Set.of(DemoMetrics.NO_TEMPLATE, "custom");

    private CostEstimate() {}

    public static long monthlyCents(List<DemoCount> counts, LifecycleConfig.Cost cost) {
        long generated = 0;
        for (DemoCount c : counts) {
            String template = c.templateId() == null ? DemoMetrics.NO_TEMPLATE : c.templateId();
            if (c.status() != DemoStatus.DELETED && c.status() != DemoStatus.FAILED && GENERATED.contains(template)) {
                generated += c.count();
            }
        }
        double usd = cost.fixedMonthlyUsd() + generated * cost.generatedDemoGib() * cost.storageUsdPerGibMonth();
        return Math.round(usd * 100);
    }
}
