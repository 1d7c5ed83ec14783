package com.capidemo.design;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.template.ForeignKey;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a {@link SchemaDesign} into a {@link TemplateDefinition} whose table SQL is deterministic DuckDB, so the
 * existing {@link com.capidemo.duckdb.TemplateDataGenerator} writes the demo's parquet files exactly as it
 * does for the built-in templates. The randomness seed is the customer and industry (not the template id), so the
 * same brief always yields the same data even when the pipeline reruns under a new id.
 */
public final class SyntheticDataCompiler {

    /** Rows per second the generator sustains on a small machine; only feeds the catalogue's time estimate. */
    private static final long ROWS_PER_SECOND = 40_000;

    public TemplateDefinition compile(
            String templateId,
            CustomerProfile profile,
            SchemaDesign schema,
            String systemInstruction,
            List<GoldenQuery> goldenQueries) {
        List<String> problems = SchemaRules.problems(schema);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Schema design cannot be compiled: " + String.join("; ", problems));
        }
        // The data's randomness comes from the brief, but only as a digest: user text is never spliced into SQL.
        String seed = Seeds.hex(profile.customerName().toLowerCase(Locale.ROOT), profile.industry());
        List<TableSpec> tables = new ArrayList<>();
        for (TableDesign table : schema.tables()) {
            List<ForeignKey> keys = table.columns().stream()
                    .filter(c -> Generator.FOREIGN_KEY.equals(c.generator().kind()))
                    .map(c -> new ForeignKey(c.name(), c.generator().references()))
                    .toList();
            tables.add(new TableSpec(
                    table.name(),
                    table.rows(),
                    table.description(),
                    table.primaryKey(),
                    keys,
                    TableSql.build(schema, table, seed, profile.cities(), profile.regions())));
        }
        List<com.capidemo.core.template.GoldenQuery> queries = goldenQueries.stream()
                .map(q -> new com.capidemo.core.template.GoldenQuery(
                        q.question(), q.sql(), q.complexity(), q.expectedResultType()))
                .toList();
        String label = profile.industryLabel() == null ? profile.industry() : profile.industryLabel();
        int seconds = (int) Math.max(5, schema.totalRows() / ROWS_PER_SECOND + 5);
        return new TemplateDefinition(
                templateId,
                profile.customerName() + " " + label + " demo",
                label,
                schema.datasetDescription(),
                List.of(profile.industry(), "custom"),
                seconds,
                1,
                systemInstruction,
                tables,
                queries);
    }
}
