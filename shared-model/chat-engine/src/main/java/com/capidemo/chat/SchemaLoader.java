package com.capidemo.chat;

import com.capidemo.core.port.QueryResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a dataset's schema through ordinary read-only queries: column names and types from
 * {@code information_schema.columns}, then one profiling query (rows, non-null and distinct counts per column) and
 * one query listing the values of every low-cardinality text column. Keys come from the template when it declares
 * them, otherwise from naming conventions ({@code customer_id} references the table whose key it is).
 */
public final class SchemaLoader {

    /** Text columns with at most this many distinct values are treated as categories whose values are known. */
    static final int MAX_CATEGORY_VALUES = 60;

    /** Declared keys of one table (from a template); null members mean "not declared". */
    public record DeclaredKeys(String primaryKey, List<Schema.Link> links) {}

    private SchemaLoader() {}

    /**
     * @param tables   the dataset's tables
     * @param declared keys by table name when known (may be empty)
     * @param queries  runs a read-only query against the dataset
     */
    public static Schema load(List<String> tables, Map<String, DeclaredKeys> declared, ChatEngine.Queries queries) {
        if (tables.isEmpty()) {
            return new Schema(Map.of());
        }
        Set<String> wanted = Set.copyOf(tables);
        QueryResult info = queries.run(
                "SELECT table_name, column_name, data_type, numeric_scale FROM "
                        + "information_schema.columns ORDER BY table_name, ordinal_position",
                10_000);
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        for (List<Object> row : info.rows()) {
            String table = String.valueOf(row.get(0));
            if (wanted.contains(table)) {
                columns.computeIfAbsent(table, k -> new ArrayList<>()).add(new String[] {
                    String.valueOf(row.get(1)),
                    String.valueOf(row.get(2)),
                    row.get(3) == null ? "0" : String.valueOf(row.get(3))
                });
            }
        }
        // One row per column: rows, non-null count and distinct count.
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : columns.entrySet()) {
            StringBuilder structs = new StringBuilder();
            for (String[] c : e.getValue()) {
                structs.append(structs.length() == 0 ? "" : ", ")
                        .append("{'c': ")
                        .append(literal(c[0]))
                        .append(", 'nn': count(")
                        .append(ident(c[0]))
                        .append("), 'nd': approx_count_distinct(")
                        .append(ident(c[0]))
                        .append(")}");
            }
            parts.add("SELECT " + literal(e.getKey()) + " AS t, count(*) AS n, unnest([" + structs
                    + "], recursive := true) FROM " + ident(e.getKey()));
        }
        Map<String, Long> rowCounts = new HashMap<>();
        Map<String, long[]> stats = new HashMap<>();
        if (!parts.isEmpty()) {
            QueryResult profile = queries.run(String.join(" UNION ALL ", parts), 100_000);
            for (List<Object> row : profile.rows()) {
                String table = String.valueOf(row.get(0));
                rowCounts.put(table, ((Number) row.get(1)).longValue());
                stats.put(
                        table + "." + row.get(2),
                        new long[] {((Number) row.get(3)).longValue(), ((Number) row.get(4)).longValue()});
            }
        }
        // Values of low-cardinality text columns.
        List<String> valueParts = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : columns.entrySet()) {
            for (String[] c : e.getValue()) {
                long[] s = stats.getOrDefault(e.getKey() + "." + c[0], new long[] {0, 0});
                if (Schema.Type.of(c[1]) == Schema.Type.TEXT
                        && s[1] > 0
                        && s[1] <= MAX_CATEGORY_VALUES + 5
                        && !c[0].endsWith("_id")) {
                    valueParts.add("SELECT " + literal(e.getKey()) + " AS t, " + literal(c[0]) + " AS c, "
                            + ident(c[0]) + " AS v, count(*) AS n FROM " + ident(e.getKey()) + " WHERE " + ident(c[0])
                            + " IS NOT NULL GROUP BY 3");
                }
            }
        }
        Map<String, List<String>> values = new HashMap<>();
        if (!valueParts.isEmpty()) {
            QueryResult vals = queries.run(
                    "SELECT t, c, v FROM (" + String.join(" UNION ALL ", valueParts) + ") ORDER BY t, c, n DESC, v",
                    100_000);
            for (List<Object> row : vals.rows()) {
                values.computeIfAbsent(row.get(0) + "." + row.get(1), k -> new ArrayList<>())
                        .add(String.valueOf(row.get(2)));
            }
        }
        Map<String, Schema.Table> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String[]>> e : columns.entrySet()) {
            String table = e.getKey();
            long rows = rowCounts.getOrDefault(table, 0L);
            List<Schema.Column> cols = new ArrayList<>();
            for (String[] c : e.getValue()) {
                long[] s = stats.getOrDefault(table + "." + c[0], new long[] {rows, 0});
                List<String> vs = values.getOrDefault(table + "." + c[0], List.of());
                if (vs.size() > MAX_CATEGORY_VALUES) {
                    vs = List.of();
                }
                cols.add(new Schema.Column(
                        table,
                        c[0],
                        Schema.Type.of(c[1]),
                        parseInt(c[2]),
                        vs.isEmpty() ? s[1] : vs.size(),
                        rows - s[0],
                        List.copyOf(vs)));
            }
            out.put(table, new Schema.Table(table, rows, List.copyOf(cols), null, List.of()));
        }
        return withKeys(out, declared);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Adds primary and foreign keys: declared ones where given, otherwise inferred from names. */
    static Schema withKeys(Map<String, Schema.Table> tables, Map<String, DeclaredKeys> declared) {
        Map<String, String> pks = new HashMap<>();
        for (Schema.Table t : tables.values()) {
            DeclaredKeys d = declared.get(t.name());
            String pk = d != null && d.primaryKey() != null ? d.primaryKey() : inferPrimaryKey(t);
            if (pk != null && t.column(pk).isPresent()) {
                pks.put(t.name(), pk);
            }
        }
        Map<String, Schema.Table> out = new LinkedHashMap<>();
        for (Schema.Table t : tables.values()) {
            DeclaredKeys d = declared.get(t.name());
            List<Schema.Link> links;
            if (d != null && d.links() != null) {
                links = d.links().stream()
                        .filter(l -> tables.containsKey(l.parent())
                                && t.column(l.column()).isPresent())
                        .toList();
            } else {
                links = new ArrayList<>();
                for (Schema.Column c : t.columns()) {
                    if (!c.name().endsWith("_id") || c.name().equals(pks.get(t.name()))) {
                        continue;
                    }
                    List<String> owners = pks.entrySet().stream()
                            .filter(p ->
                                    p.getValue().equals(c.name()) && !p.getKey().equals(t.name()))
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toList());
                    if (owners.size() == 1) {
                        links.add(new Schema.Link(t.name(), c.name(), owners.get(0), c.name()));
                    }
                }
            }
            out.put(t.name(), new Schema.Table(t.name(), t.rows(), t.columns(), pks.get(t.name()), List.copyOf(links)));
        }
        return new Schema(out);
    }

    private static String inferPrimaryKey(Schema.Table t) {
        String singular = t.name().endsWith("ies")
                ? t.name().substring(0, t.name().length() - 3) + "y"
                : t.name().endsWith("s") ? t.name().substring(0, t.name().length() - 1) : t.name();
        for (String candidate : List.of(singular + "_id", "id")) {
            if (t.column(candidate).isPresent()) {
                return candidate;
            }
        }
        return t.columns().isEmpty()
                        || !t.columns().get(0).name().toLowerCase(Locale.ROOT).endsWith("_id")
                ? null
                : t.columns().get(0).name();
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
