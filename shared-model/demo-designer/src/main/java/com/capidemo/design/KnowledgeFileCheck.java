package com.capidemo.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks one knowledge file's parsed tree before it is bound: every required key present and not null, and no key the
 * file format does not know. An unknown key is how an unquoted comma in a flow mapping shows ({@code {description:
 * Flights, delays}} parses as a description "Flights" and a key "delays"), so it is refused with the file and the path
 * of the key, instead of a silently shortened value.
 */
final class KnowledgeFileCheck {

    private static final Set<String> TOP = Set.of(
            "key",
            "label",
            "aliases",
            "summary",
            "business_lines",
            "data_start",
            "data_end",
            "definitions",
            "tables",
            "use_cases",
            "questions");
    private static final List<String> TOP_REQUIRED = List.of("key", "label", "aliases", "tables", "questions");
    private static final Set<String> TABLE =
            Set.of("name", "description", "rows", "primary_key", "optional", "columns", "optional_columns");
    private static final List<String> TABLE_REQUIRED = List.of("name", "description", "rows", "primary_key", "columns");
    private static final Set<String> COLUMN = Set.of("name", "type", "description", "generator");
    private static final List<String> COLUMN_REQUIRED = List.of("name", "type", "generator");
    private static final Set<String> GENERATOR = Set.of(
            "kind",
            "references",
            "source",
            "values",
            "weights",
            "min",
            "max",
            "scale",
            "start",
            "end",
            "skew",
            "probability",
            "prefix",
            "expression",
            "null_probability",
            "seasonality");
    private static final Set<String> USE_CASE =
            Set.of("key", "name", "description", "keywords", "kpis", "entities", "default");
    private static final List<String> USE_CASE_REQUIRED = List.of("key", "name", "description", "keywords");
    private static final Set<String> QUESTION =
            Set.of("question", "kind", "measure", "by", "date", "filter", "condition", "n", "complexity", "use_cases");
    private static final List<String> QUESTION_REQUIRED = List.of("question", "kind", "measure");

    private KnowledgeFileCheck() {}

    /** Throws {@link IllegalStateException} naming the file and every missing, null or unknown key. */
    static void check(String file, JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("Knowledge file " + file + " is not a mapping of keys");
        }
        object(root, "", TOP, TOP_REQUIRED, problems);
        each(root.get("tables"), "tables", problems, (table, path) -> {
            object(table, path, TABLE, TABLE_REQUIRED, problems);
            each(table.get("columns"), path + ".columns", problems, (c, p) -> column(c, p, problems));
            JsonNode extra = table.get("optional_columns");
            if (extra != null && extra.isObject()) {
                extra.fields()
                        .forEachRemaining(e -> each(
                                e.getValue(),
                                path + ".optional_columns." + e.getKey(),
                                problems,
                                (c, p) -> column(c, p, problems)));
            }
        });
        each(
                root.get("use_cases"),
                "use_cases",
                problems,
                (u, path) -> object(u, path, USE_CASE, USE_CASE_REQUIRED, problems));
        each(
                root.get("questions"),
                "questions",
                problems,
                (q, path) -> object(q, path, QUESTION, QUESTION_REQUIRED, problems));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Knowledge file " + file + ": " + String.join("; ", problems)
                    + " (quote a value that contains a comma, colon or brace)");
        }
    }

    private static void column(JsonNode column, String path, List<String> problems) {
        object(column, path, COLUMN, COLUMN_REQUIRED, problems);
        JsonNode generator = column.get("generator");
        if (generator != null && generator.isObject()) {
            object(generator, path + ".generator", GENERATOR, List.of("kind"), problems);
        }
    }

    private interface Visit {
        void apply(JsonNode node, String path);
    }

    private static void each(JsonNode list, String path, List<String> problems, Visit visit) {
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            problems.add(path + " must be a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String name = item.path("name").isTextual()
                    ? item.get("name").asText()
                    : item.path("key").isTextual() ? item.get("key").asText() : String.valueOf(i);
            visit.apply(item, path + "[" + name + "]");
        }
    }

    private static void object(
            JsonNode node, String path, Set<String> known, List<String> required, List<String> problems) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (node == null || !node.isObject()) {
            problems.add((path.isEmpty() ? "the file" : path) + " must be a mapping");
            return;
        }
        for (String key : required) {
            JsonNode value = node.get(key);
            if (value == null
                    || value.isNull()
                    || value.isTextual() && value.asText().isBlank()) {
                problems.add(prefix + key + " is missing or empty");
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems.add(prefix + "'" + key + "' is not a known key");
            }
        }
    }
}
