package com.capidemo.custom.steps;

import com.capidemo.core.pipeline.StepDefinition;
import com.capidemo.core.port.QueryValidation;
import com.capidemo.core.port.Warehouse;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dry_run}: proves the pipeline can reach its warehouse dataset with the platform's credentials: the dataset
 * exists and a query over every listed table is valid. The queries are validated, not run ({@link Warehouse#validate}:
 * a BigQuery dry run, DuckDB's EXPLAIN locally), so no row is read and nothing is billed or written. A table that
 * does not exist, or that the platform cannot read, fails the step with the warehouse's reason.
 */
@ApplicationScoped
public class DryRunStep implements PipelineStep {

    private final Warehouse warehouse;

    public DryRunStep(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public String type() {
        return "dry_run";
    }

    @Override
    public void validate(StepDefinition step) {
        step.requireString("dataset");
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        String dataset = context.step().requireString("dataset");
        if (!warehouse.datasetExists(dataset)) {
            throw new IllegalArgumentException("dataset " + dataset + " does not exist");
        }
        Object listed = context.step().config().get("tables");
        List<String> tables =
                listed instanceof List<?> l ? l.stream().map(String::valueOf).toList() : warehouse.listTables(dataset);
        Map<String, Object> checked = new LinkedHashMap<>();
        long bytes = 0;
        boolean bytesKnown = true;
        for (String table : tables) {
            QueryValidation v = warehouse.validate(dataset, "SELECT * FROM " + table);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("columns", v.columns().size());
            if (v.bytesProcessed().isPresent()) {
                result.put("bytes_processed", v.bytesProcessed().getAsLong());
                bytes += v.bytesProcessed().getAsLong();
            } else {
                bytesKnown = false;
            }
            checked.put(table, result);
        }
        context.log("dataset " + dataset + " reachable; queries over " + checked.size() + " tables are valid"
                + (bytesKnown && !checked.isEmpty() ? " (" + bytes + " bytes if run)" : ""));
        return Map.of("dryrun_status", "SUCCESS", "dataset", dataset, "tables", checked);
    }
}
