package com.capidemo.custom.steps;

import com.capidemo.core.pipeline.StepDefinition;
import com.capidemo.core.port.Warehouse;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** {@code warehouse_sql}: runs a query over a dataset and replaces the destination table with its result. */
@ApplicationScoped
public class WarehouseSqlStep implements PipelineStep {

    private final Warehouse warehouse;

    public WarehouseSqlStep(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public String type() {
        return "warehouse_sql";
    }

    @Override
    public void validate(StepDefinition step) {
        step.requireString("dataset");
        step.requireString("destination_table");
        step.requireString("sql");
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        StepDefinition step = context.step();
        String dataset = step.requireString("dataset");
        String table = step.requireString("destination_table");
        long rows = warehouse.createTableAs(dataset, table, step.requireString("sql"));
        context.log("wrote " + rows + " rows to " + dataset + "." + table);
        return Map.of("table", table, "rows_processed", rows);
    }
}
