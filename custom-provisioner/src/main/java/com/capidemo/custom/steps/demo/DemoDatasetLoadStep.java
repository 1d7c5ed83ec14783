package com.capidemo.custom.steps.demo;

import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.worker.RetryableJobFailure;
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
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(StepContext context) {
        String dataset = context.step().requireString("dataset");
        String bucket = context.outputOf("demo_data_generation", "bucket", String.class);
        Map<String, String> objects = context.outputOf("demo_data_generation", "objects", Map.class);
        Map<String, Number> expected = context.outputOf("demo_data_generation", "rows", Map.class);
        boolean created = warehouse.createDataset(dataset, Map.of("tenant", context.job().tenantId(),
                "demo", context.job().demoId(), "template", "custom"));
        context.log((created ? "created dataset " : "reusing dataset ") + dataset);
        for (Map.Entry<String, String> table : objects.entrySet()) {
            context.checkLease();
            warehouse.loadParquet(dataset, table.getKey(), new ObjectRef(bucket, table.getValue()));
        }
        Map<String, Long> actual = warehouse.rowCounts(dataset);
        Map<String, Object> tables = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Number> e : expected.entrySet()) {
            long rows = actual.getOrDefault(e.getKey(), -1L);
            if (rows != e.getValue().longValue()) {
                throw new RetryableJobFailure("table " + e.getKey() + " has " + rows + " rows, expected " + e.getValue());
            }
            tables.put(e.getKey(), rows);
            total += rows;
        }
        context.log("loaded and verified " + tables.size() + " tables, " + total + " rows");
        return Map.of("dataset_id", dataset, "tables", tables, "table_count", tables.size(), "total_rows", total);
    }
}
