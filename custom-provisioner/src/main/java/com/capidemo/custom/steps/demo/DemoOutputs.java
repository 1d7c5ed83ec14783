package com.capidemo.custom.steps.demo;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.custom.pipeline.StepKey;
import com.capidemo.design.CustomerBrief;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.UseCaseAnalysis;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;

/**
 * The step types of the 7-stage custom demo pipeline and the outputs its later stages read from its earlier ones: one
 * constant per output, used by the stage that writes it and by every stage that reads it.
 */
public final class DemoOutputs {

    public static final String RESEARCH = "demo_research";
    public static final String USE_CASES_STEP = "demo_use_cases";
    public static final String SCHEMA_DESIGN = "demo_schema_design";
    public static final String DATA_GENERATION = "demo_data_generation";
    public static final String DATASET_LOAD = "demo_dataset_load";
    public static final String GOLDEN_QUERIES_STEP = "demo_golden_queries";
    public static final String DATA_AGENT = "demo_data_agent";

    /** The brief the Customer Engineer gave (stage 1). */
    public static final StepKey<CustomerBrief> BRIEF = StepKey.of(RESEARCH, "brief", CustomerBrief.class);
    /** The customer researched from the brief (stage 1). */
    public static final StepKey<CustomerProfile> PROFILE = StepKey.of(RESEARCH, "profile", CustomerProfile.class);
    /** The analytics use cases (stage 2). */
    public static final StepKey<UseCaseAnalysis> USE_CASES =
            StepKey.of(USE_CASES_STEP, "use_cases", UseCaseAnalysis.class);
    /** The tables, columns and row counts designed (stage 3). */
    public static final StepKey<SchemaDesign> SCHEMA = StepKey.of(SCHEMA_DESIGN, "schema", SchemaDesign.class);
    /** The bucket the generated parquet files are in (stage 4). */
    public static final StepKey<String> BUCKET = StepKey.of(DATA_GENERATION, "bucket", String.class);
    /** The generated parquet object per table (stage 4). */
    public static final StepKey<Map<String, String>> OBJECTS =
            StepKey.of(DATA_GENERATION, "objects", new TypeReference<>() {});
    /** The rows generated per table (stage 4). */
    public static final StepKey<Map<String, Long>> GENERATED_ROWS =
            StepKey.of(DATA_GENERATION, "rows", new TypeReference<>() {});
    /** The rows loaded and verified per table (stage 5). */
    public static final StepKey<Map<String, Long>> LOADED_TABLES =
            StepKey.of(DATASET_LOAD, "tables", new TypeReference<>() {});
    /** The golden queries that execute and return rows (stage 6). */
    public static final StepKey<List<GoldenQuery>> GOLDEN_QUERIES =
            StepKey.of(GOLDEN_QUERIES_STEP, "golden_queries", new TypeReference<>() {});

    private DemoOutputs() {}
}
