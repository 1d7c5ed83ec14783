package com.capidemo.custom.steps.demo;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.worker.PermanentJobFailure;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.DemoDesigner;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.UseCaseAnalysis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 6, golden queries: every proposed question's SQL is run on the loaded dataset and kept only if it executes and
 * returns rows. Rejected ones are replaced by asking for different questions (a few rounds), then dropped; never kept.
 * Fewer than {@code minimum} valid questions fails the stage.
 */
@ApplicationScoped
public class DemoGoldenQueriesStep implements PipelineStep {

    private static final int ROUNDS = 3;

    private final DemoDesigner designer;
    private final Warehouse warehouse;

    public DemoGoldenQueriesStep(DemoDesigner designer, Warehouse warehouse) {
        this.designer = designer;
        this.warehouse = warehouse;
    }

    @Override
    public String type() {
        return DemoOutputs.GOLDEN_QUERIES_STEP;
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        String dataset = context.step().requireString("dataset");
        int count = Integer.parseInt(String.valueOf(context.step().config().getOrDefault("count", 12)));
        int minimum = Integer.parseInt(String.valueOf(context.step().config().getOrDefault("minimum", 6)));
        CustomerProfile profile = context.outputOf(DemoOutputs.PROFILE);
        UseCaseAnalysis useCases = context.outputOf(DemoOutputs.USE_CASES);
        SchemaDesign schema = context.outputOf(DemoOutputs.SCHEMA);

        List<GoldenQuery> kept = new ArrayList<>();
        List<Map<String, String>> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int round = 0; round < ROUNDS && kept.size() < count; round++) {
            List<GoldenQuery> proposed =
                    designer.goldenQueries(profile, useCases, schema, count - kept.size(), Set.copyOf(seen));
            if (proposed.isEmpty()) {
                break;
            }
            for (GoldenQuery q : proposed) {
                if (!seen.add(q.question())) {
                    continue;
                }
                String problem = check(dataset, q);
                if (problem == null) {
                    kept.add(q);
                } else {
                    rejected.add(Map.of("question", q.question(), "reason", problem));
                    context.warn("rejected \"" + q.question() + "\": " + problem);
                }
            }
        }
        if (kept.size() < minimum) {
            throw new PermanentJobFailure("only " + kept.size() + " golden queries execute and return rows; at least "
                    + minimum + " are needed");
        }
        context.log(kept.size() + " golden queries validated, " + rejected.size() + " rejected");
        Map<String, Object> output = new LinkedHashMap<>();
        output.put(DemoOutputs.GOLDEN_QUERIES.key(), kept);
        output.put("rejected", rejected);
        return output;
    }

    /** Null when the query executes and returns at least one row; otherwise why not. */
    private String check(String dataset, GoldenQuery q) {
        try {
            QueryResult result = warehouse.query(dataset, q.sql(), 1);
            return result.rows().isEmpty() ? "returns no rows" : null;
        } catch (RuntimeException e) {
            return "does not execute: " + e.getMessage();
        }
    }
}
