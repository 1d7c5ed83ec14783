package com.capidemo.custom.steps;

import com.capidemo.core.pipeline.StepDefinition;
import com.capidemo.core.port.Warehouse;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dry_run}: proves the pipeline can reach its warehouse dataset with the platform's credentials: the dataset
 * exists and every listed table answers a count query. Nothing is written.
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
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, warehouse.countRows(dataset, table));
        }
        context.log("dataset " + dataset + " reachable; " + counts.size() + " tables answer queries");
        return Map.of("dryrun_status", "SUCCESS", "dataset", dataset, "tables", counts);
    }
}
