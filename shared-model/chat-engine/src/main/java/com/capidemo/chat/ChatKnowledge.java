package com.capidemo.chat;

import com.capidemo.core.domain.GoldenQuery;
import java.util.List;
import java.util.Map;

/**
 * Everything the local agent knows about one dataset: the schema (read from the warehouse), the measures and synonyms
 * learned from the golden queries, and the lexicon built from both. Built once per dataset and reused.
 */
public final class ChatKnowledge {

    final SemanticModel model;
    final Planner planner;

    private ChatKnowledge(SemanticModel model, String instruction) {
        Lexicon.load();
        this.model = model;
        model.instruction = instruction;
        InstructionVocabulary.glosses(model, instruction);
        this.planner = new Planner(model);
        InstructionVocabulary.definitions(model, planner, instruction);
        DefinedTerms.learn(model, instruction);
    }

    /**
     * @param tables  the dataset's tables
     * @param keys    declared primary and foreign keys by table (from the template), may be empty
     * @param goldens the agent's golden queries
     * @param queries runs read-only queries against the dataset
     */
    public static ChatKnowledge load(
            List<String> tables,
            Map<String, SchemaLoader.DeclaredKeys> keys,
            List<GoldenQuery> goldens,
            ChatEngine.Queries queries) {
        return load(tables, keys, goldens, null, queries);
    }

    /** @param instruction the agent's system instruction (glosses and definitions become vocabulary), may be null */
    public static ChatKnowledge load(
            List<String> tables,
            Map<String, SchemaLoader.DeclaredKeys> keys,
            List<GoldenQuery> goldens,
            String instruction,
            ChatEngine.Queries queries) {
        Schema schema = SchemaLoader.load(tables, keys, queries);
        ChatKnowledge out = of(schema, goldens, instruction);
        out.model.sameRows = SameRows.load(schema, queries);
        return out;
    }

    public static ChatKnowledge of(Schema schema, List<GoldenQuery> goldens) {
        return of(schema, goldens, null);
    }

    public static ChatKnowledge of(Schema schema, List<GoldenQuery> goldens, String instruction) {
        return new ChatKnowledge(new SemanticModel(schema, goldens), instruction);
    }

    public Schema schema() {
        return model.schema;
    }

    /** Names of the measures learned from the golden queries. */
    public List<String> metrics() {
        return model.metrics.stream().map(Metric::name).toList();
    }
}
