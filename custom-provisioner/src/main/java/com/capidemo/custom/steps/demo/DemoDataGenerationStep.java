package com.capidemo.custom.steps.demo;

import com.capidemo.core.io.Folders;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.ObjectStore;
import com.capidemo.core.port.TemplateDataWriter;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.SyntheticDataCompiler;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 4, synthetic data: the schema compiled to deterministic DuckDB SQL, materialised as one parquet file per
 * table and uploaded to the artifacts bucket under the job's id. Foreign keys only hold existing parent keys; a rerun
 * regenerates the same rows and overwrites the same objects.
 */
@ApplicationScoped
public class DemoDataGenerationStep implements PipelineStep {

    private final ObjectStore objects;
    private final TemplateDataWriter writer;

    public DemoDataGenerationStep(ObjectStore objects, TemplateDataWriter writer) {
        this.objects = objects;
        this.writer = writer;
    }

    @Override
    public String type() {
        return DemoOutputs.DATA_GENERATION;
    }

    @Override
    public Map<String, Object> run(StepContext context) throws IOException, InterruptedException {
        CustomerProfile profile = context.outputOf(DemoOutputs.PROFILE);
        SchemaDesign schema = context.outputOf(DemoOutputs.SCHEMA);
        TemplateDefinition template =
                new SyntheticDataCompiler().compile(context.job().demoId(), profile, schema, "", List.of());
        String bucket = context.step().string("bucket") == null
                ? "artifacts"
                : context.step().string("bucket");
        Path work = Files.createTempDirectory("custom-" + context.job().jobId());
        try {
            Map<String, Long> rows = writer.generate(template, work);
            Map<String, Object> refs = new LinkedHashMap<>();
            for (Map.Entry<String, Long> table : rows.entrySet()) {
                context.checkLease();
                ObjectRef ref = new ObjectRef(bucket, context.job().jobId() + "/" + table.getKey() + ".parquet");
                objects.upload(ref, work.resolve(table.getKey() + ".parquet"));
                refs.put(table.getKey(), ref.name());
                context.log("generated " + table.getKey() + ": " + table.getValue() + " rows");
            }
            long total = rows.values().stream().mapToLong(Long::longValue).sum();
            return Map.of(
                    DemoOutputs.BUCKET.key(),
                    bucket,
                    DemoOutputs.OBJECTS.key(),
                    refs,
                    DemoOutputs.GENERATED_ROWS.key(),
                    rows,
                    "total_rows",
                    total);
        } finally {
            Folders.deleteTree(work);
        }
    }
}
