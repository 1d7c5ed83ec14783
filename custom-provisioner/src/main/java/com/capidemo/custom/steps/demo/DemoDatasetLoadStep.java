package com.capidemo.custom.steps.demo;

import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.worker.RetryableJobFailure;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stage 5, dataset: the demo's dataset created (labelled), each generated table loaded, row counts verified. */
@ApplicationScoped
public class DemoDatasetLoadStep implements PipelineStep {

    private final Warehouse warehouse;

    public DemoDatasetLoadStep(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public String type() {
        return "demo_dataset_load";
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        String dataset = context.step().requireString("dataset");
        String bucket = context.outputOf(DemoOutputs.BUCKET);
        Map<String, String> objects = context.outputOf(DemoOutputs.OBJECTS);
        Map<String, Long> expected = context.outputOf(DemoOutputs.GENERATED_ROWS);
        boolean created = warehouse.createDataset(
                dataset,
                Map.of("tenant", context.job().tenantId(), "demo", context.job().demoId(), "template", "custom"));
        context.log((created ? "created dataset " : "reusing dataset ") + dataset);
        for (Map.Entry<String, String> table : objects.entrySet()) {
            context.checkLease();
            warehouse.loadParquet(dataset, table.getKey(), new ObjectRef(bucket, table.getValue()));
        }
        Map<String, Long> actual = warehouse.rowCounts(dataset);
        Map<String, Object> tables = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            long rows = actual.getOrDefault(e.getKey(), -1L);
            if (rows != e.getValue()) {
                throw new RetryableJobFailure(
                        "table " + e.getKey() + " has " + rows + " rows, expected " + e.getValue());
            }
            tables.put(e.getKey(), rows);
            total += rows;
        }
        context.log("loaded and verified " + tables.size() + " tables, " + total + " rows");
        return Map.of(
                "dataset_id",
                dataset,
                DemoOutputs.LOADED_TABLES.key(),
                tables,
                "table_count",
                tables.size(),
                "total_rows",
                total);
    }
}
