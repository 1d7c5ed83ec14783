package com.capidemo.custom.steps.demo;

import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.DemoDesigner;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.SyntheticDataCompiler;
import com.capidemo.design.TableDesign;
import com.capidemo.design.UseCaseAnalysis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Stage 3, schema design: tables, columns, keys and row counts. The design is compiled once here so a schema that
 * cannot produce data (reserved words, dangling keys) fails this stage, not the data generation after it.
 */
@ApplicationScoped
public class DemoSchemaDesignStep implements PipelineStep {

    private final DemoDesigner designer;

    public DemoSchemaDesignStep(DemoDesigner designer) {
        this.designer = designer;
    }

    @Override
    public String type() {
        return DemoOutputs.SCHEMA_DESIGN;
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        CustomerProfile profile = context.outputOf(DemoOutputs.PROFILE);
        UseCaseAnalysis useCases = context.outputOf(DemoOutputs.USE_CASES);
        SchemaDesign schema = designer.designSchema(profile, useCases);
        new SyntheticDataCompiler().compile(context.job().demoId(), profile, schema, "", List.of());
        for (TableDesign t : schema.tables()) {
            context.log("table " + t.name() + ": " + t.columns().size() + " columns, " + t.rows() + " rows");
        }
        context.log(schema.tables().size() + " tables, " + schema.totalRows() + " rows");
        return Map.of(
                DemoOutputs.SCHEMA.key(),
                schema,
                "table_count",
                schema.tables().size(),
                "total_rows",
                schema.totalRows());
    }
}
