package com.capidemo.gemini;

import com.capidemo.core.template.TemplateCatalog;
import com.capidemo.design.Generator;
import com.capidemo.design.SchemaRules;
import com.google.genai.types.Schema;
import com.google.genai.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gemini response schemas for the design records, so the model answers in exactly the JSON our Jackson records read:
 * property names are the records' {@code @JsonProperty} names, and closed vocabularies are enums.
 * Golden questions and the system instruction are wrapped in an object because a bare array or string is harder for
 * the model to get right.
 */
final class GeminiSchemas {

    private GeminiSchemas() {}

    static Schema customerProfile() {
        return object(
                props(
                        "customer_name", string("The customer's name as given"),
                        "industry", string("Lower snake_case industry key, e.g. banking, retail, healthcare, telecom"),
                        "industry_label", string("Human industry name, e.g. Retail Banking"),
                        "summary", string("Two or three sentences on what the customer does and sells"),
                        "business_lines", strings("The customer's main business lines"),
                        "regions", strings("Regions or states the customer operates in"),
                        "cities", strings("Up to 12 cities where the customer operates"),
                        "currency", string("ISO 4217 currency code, e.g. USD"),
                        "website", string("The customer's website, if known"),
                        "keywords", strings("Domain keywords"),
                        "data_start", string("ISO date (yyyy-MM-dd) where the demo's activity starts"),
                        "data_end", string("ISO date (yyyy-MM-dd) where the demo's activity ends"),
                        "design_basis", string("One sentence on what the design rests on"),
                        "unserved_use_cases", strings("Requested use cases the data cannot serve")),
                "customer_name",
                "industry",
                "industry_label",
                "summary",
                "business_lines",
                "regions",
                "cities",
                "currency",
                "keywords",
                "data_start",
                "data_end");
    }

    static Schema useCaseAnalysis() {
        Schema useCase = object(
                props(
                        "name", string("Short use-case name"),
                        "description", string("What an analyst wants to learn"),
                        "kpis", strings("Measures the use case tracks"),
                        "entities", strings("snake_case names of the tables the use case needs")),
                "name",
                "description",
                "kpis",
                "entities");
        return object(props("use_cases", array(useCase, "Most important first")), "use_cases");
    }

    static Schema schemaDesign() {
        Schema column = object(
                props(
                        "name", string("snake_case column name, not a SQL reserved word"),
                        "type", enumeration(SchemaRules.TYPES, "Column type"),
                        "description", string("What the column means"),
                        "generator", generator()),
                "name",
                "type",
                "description",
                "generator");
        Schema table = object(
                props(
                        "name", string("snake_case table name, not a SQL reserved word"),
                        "description", string("What one row is"),
                        "rows", integer("Row count"),
                        "primary_key", string("Name of the table's sequence column"),
                        "columns", array(column, "Columns in generation order")),
                "name",
                "description",
                "rows",
                "primary_key",
                "columns");
        return object(
                props(
                        "dataset_description", string("One paragraph describing the dataset"),
                        "tables",
                                array(
                                        table,
                                        "Tables in generation order: parents before the tables that reference them")),
                "dataset_description",
                "tables");
    }

    static Schema generator() {
        return object(
                props(
                        "kind", enumeration(Generator.KINDS, "How the values are made"),
                        "references", string("foreign_key/lookup: table.column of an earlier table"),
                        "source", string("lookup: the foreign key column of this table; email: the name column"),
                        "values", strings("choice/city/region/country: the values; email: domains"),
                        "weights", array(number("Weight"), "Weights, one per value"),
                        "min", number("Range minimum, or first sequence value"),
                        "max", number("Range maximum"),
                        "scale", integer("decimal_range: digits after the point"),
                        "start", string("date/timestamp range: ISO start date"),
                        "end", string("date/timestamp range: ISO end date"),
                        "skew", number("> 1 favours low values, < 1 high values"),
                        "probability", number("bool: chance of true"),
                        "prefix", string("STRING sequence: prefix before 6 digits"),
                        "expression",
                                string("derived: a DuckDB expression over earlier columns; {u} {u2} uniform, {i} row"),
                        "null_probability", number("Share of NULL values"),
                        "seasonality",
                                array(number("Weight"), "date/timestamp range: 12 monthly weights, January first")),
                "kind");
    }

    static Schema goldenQueries() {
        Schema query = object(
                props(
                        "question", string("A business question in plain language"),
                        "sql", string("DuckDB SQL answering it, over bare table names"),
                        "complexity", enumeration(TemplateCatalog.COMPLEXITIES, "How hard the SQL is"),
                        "expected_result_type", enumeration(TemplateCatalog.RESULT_TYPES, "Shape of the answer")),
                "question",
                "sql",
                "complexity",
                "expected_result_type");
        return object(props("golden_queries", array(query, "The golden questions")), "golden_queries");
    }

    static Schema systemInstruction() {
        return object(props("system_instruction", string("The data agent's system instruction")), "system_instruction");
    }

    private static Schema object(Map<String, Schema> properties, String... required) {
        return Schema.builder()
                .type(Type.Known.OBJECT)
                .properties(properties)
                .propertyOrdering(new ArrayList<>(properties.keySet()))
                .required(required)
                .build();
    }

    /** Name/schema pairs in the order given, which is also the order Gemini writes them in. */
    private static Map<String, Schema> props(Object... nameSchemaPairs) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            properties.put((String) nameSchemaPairs[i], (Schema) nameSchemaPairs[i + 1]);
        }
        return properties;
    }

    private static Schema string(String description) {
        return Schema.builder().type(Type.Known.STRING).description(description).build();
    }

    private static Schema number(String description) {
        return Schema.builder().type(Type.Known.NUMBER).description(description).build();
    }

    private static Schema integer(String description) {
        return Schema.builder()
                .type(Type.Known.INTEGER)
                .description(description)
                .build();
    }

    private static Schema enumeration(Set<String> values, String description) {
        return Schema.builder()
                .type(Type.Known.STRING)
                .format("enum")
                .enum_(values.stream().sorted().toList())
                .description(description)
                .build();
    }

    private static Schema strings(String description) {
        return array(Schema.builder().type(Type.Known.STRING).build(), description);
    }

    private static Schema array(Schema items, String description) {
        return Schema.builder()
                .type(Type.Known.ARRAY)
                .items(items)
                .description(description)
                .build();
    }
}
