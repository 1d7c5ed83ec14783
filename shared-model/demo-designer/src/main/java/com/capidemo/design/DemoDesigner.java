package com.capidemo.design;

import com.capidemo.core.domain.GoldenQuery;
import java.util.List;
import java.util.Set;

/**
 * The LLM port: Gemini on Vertex AI in gcp mode, a deterministic generator locally. The custom demo pipeline calls
 * these stages in order and checkpoints each result as JSON.
 */
public interface DemoDesigner {

    CustomerProfile research(CustomerBrief brief);

    UseCaseAnalysis analyzeUseCases(CustomerBrief brief, CustomerProfile profile);

    SchemaDesign designSchema(CustomerProfile profile, UseCaseAnalysis useCases);

    /**
     * Golden questions with DuckDB SQL over the designed tables (bare table names); {@code exclude} lists questions
     * already rejected so replacements differ.
     */
    List<GoldenQuery> goldenQueries(
            CustomerProfile profile, UseCaseAnalysis useCases, SchemaDesign schema, int count, Set<String> exclude);

    /** The data agent's system instruction. */
    String systemInstruction(CustomerProfile profile, SchemaDesign schema);
}
