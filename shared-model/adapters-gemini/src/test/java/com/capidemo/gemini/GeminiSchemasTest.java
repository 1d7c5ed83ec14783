package com.capidemo.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.design.ColumnDesign;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.Generator;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.TableDesign;
import com.capidemo.design.UseCase;
import com.capidemo.design.UseCaseAnalysis;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.genai.types.Schema;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response schemas must name exactly the records' JSON properties, or Gemini's answers lose fields silently. */
class GeminiSchemasTest {

    @Test
    void everySchemaHasTheJsonPropertiesOfItsRecord() {
        Schema schema = GeminiSchemas.schemaDesign();
        Schema table = properties(schema).get("tables").items().orElseThrow();
        Schema column = properties(table).get("columns").items().orElseThrow();

        assertThat(properties(GeminiSchemas.customerProfile())).containsOnlyKeys(jsonNames(CustomerProfile.class));
        assertThat(properties(GeminiSchemas.useCaseAnalysis())).containsOnlyKeys(jsonNames(UseCaseAnalysis.class));
        assertThat(properties(properties(GeminiSchemas.useCaseAnalysis())
                        .get("use_cases")
                        .items()
                        .orElseThrow()))
                .containsOnlyKeys(jsonNames(UseCase.class));
        assertThat(properties(schema)).containsOnlyKeys(jsonNames(SchemaDesign.class));
        assertThat(properties(table)).containsOnlyKeys(jsonNames(TableDesign.class));
        assertThat(properties(column)).containsOnlyKeys(jsonNames(ColumnDesign.class));
        assertThat(properties(properties(column).get("generator"))).containsOnlyKeys(jsonNames(Generator.class));
    }

    @Test
    void closedVocabulariesAreEnums() {
        Schema column = properties(properties(GeminiSchemas.schemaDesign())
                        .get("tables")
                        .items()
                        .orElseThrow())
                .get("columns")
                .items()
                .orElseThrow();
        Schema query = properties(GeminiSchemas.goldenQueries())
                .get("golden_queries")
                .items()
                .orElseThrow();

        assertThat(properties(column).get("type").enum_().orElseThrow())
                .containsExactly("BOOL", "DATE", "FLOAT64", "INT64", "STRING", "TIMESTAMP");
        assertThat(properties(properties(column).get("generator"))
                        .get("kind")
                        .enum_()
                        .orElseThrow())
                .hasSameSizeAs(Generator.KINDS);
        assertThat(properties(query).get("complexity").enum_().orElseThrow())
                .containsExactly("complex", "moderate", "simple");
        assertThat(properties(query).get("expected_result_type").enum_().orElseThrow())
                .hasSize(5);
        assertThat(query.required().orElseThrow())
                .containsExactly("question", "sql", "complexity", "expected_result_type");
    }

    private static Map<String, Schema> properties(Schema schema) {
        return schema.properties().orElseThrow();
    }

    /** @JsonProperty on a record component lands on its accessor (the annotation does not target components). */
    private static String[] jsonNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(c -> c.getAccessor().getAnnotation(JsonProperty.class).value())
                .toArray(String[]::new);
    }
}
