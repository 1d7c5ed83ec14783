package com.capidemo.design;

import com.capidemo.core.domain.GoldenQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the DuckDB SQL of one {@link QuestionPattern} over a schema design: tables by bare name, joins along
 * foreign keys, every ordering with a tie-breaker so results are deterministic. A pattern naming anything the schema
 * lacks yields nothing rather than broken SQL.
 */
final class QuestionSql {

    private static final Pattern QUALIFIED = Pattern.compile("\\b([a-z][a-z0-9_]*)\\.([a-z][a-z0-9_]*)\\b");

    private QuestionSql() {}

    static Optional<GoldenQuery> compile(QuestionPattern p, SchemaGraph graph) {
        if (p.question() == null || p.kind() == null || p.measure() == null) {
            return Optional.empty();
        }
        String base =
                p.measure().contains(".") ? p.measure().substring(0, p.measure().indexOf('.')) : p.measure();
        String measureCol = p.measure().contains(".") ? p.measure() : null;
        if (graph.schema().table(base).isEmpty() || (measureCol != null && !graph.hasColumn(measureCol))) {
            return Optional.empty();
        }
        Set<String> needed = new LinkedHashSet<>();
        for (String ref : new String[] {p.by(), p.date()}) {
            if (ref != null) {
                if (!graph.hasColumn(ref)) {
                    return Optional.empty();
                }
                needed.add(ref.substring(0, ref.indexOf('.')));
            }
        }
        for (String predicate : new String[] {p.filter(), p.condition()}) {
            if (predicate != null && !collectTables(predicate, graph, needed)) {
                return Optional.empty();
            }
        }
        List<SchemaGraph.Edge> joins = new ArrayList<>();
        Set<String> joined = new LinkedHashSet<>(List.of(base));
        for (String table : needed) {
            Optional<List<SchemaGraph.Edge>> path = graph.path(base, table);
            if (path.isEmpty()) {
                return Optional.empty();
            }
            for (SchemaGraph.Edge e : path.get()) {
                if (joined.add(e.parent())) {
                    joins.add(e);
                }
            }
        }
        StringBuilder from = new StringBuilder("FROM ").append(base);
        joins.forEach(e -> from.append("\n").append(e.joinSql()));
        if (p.filter() != null) {
            from.append("\nWHERE ").append(p.filter());
        }
        String col = measureCol == null ? null : measureCol.substring(measureCol.indexOf('.') + 1);
        String sum = col == null ? "count(*)" : "round(sum(" + measureCol + "), 2)";
        String sumName = col == null ? base + "_count" : "total_" + col;
        String by = p.by();
        String byName = by == null ? null : by.substring(by.indexOf('.') + 1);
        String sql;
        String type;
        switch (p.kind()) {
            case "count" -> {
                sql = "SELECT count(*) AS " + base + "_count\n" + from;
                type = "single_value";
            }
            case "total" -> {
                if (col == null) {
                    return Optional.empty();
                }
                sql = "SELECT " + sum + " AS " + sumName + "\n" + from;
                type = "single_value";
            }
            case "average" -> {
                if (col == null) {
                    return Optional.empty();
                }
                sql = "SELECT round(avg(" + measureCol + "), 2) AS avg_" + col + "\n" + from;
                type = "single_value";
            }
            case "count_by", "total_by", "average_by" -> {
                if (by == null || (!p.kind().equals("count_by") && col == null)) {
                    return Optional.empty();
                }
                String agg =
                        switch (p.kind()) {
                            case "count_by" -> "count(*) AS " + base + "_count";
                            case "total_by" -> sum + " AS " + sumName;
                            default -> "round(avg(" + measureCol + "), 2) AS avg_" + col;
                        };
                sql = "SELECT " + by + " AS " + byName + ", " + agg + "\n" + from + "\nGROUP BY 1\nORDER BY 2 DESC, 1";
                type = p.kind().equals("count_by") ? "distribution" : "table";
            }
            case "share_by" -> {
                if (by == null) {
                    return Optional.empty();
                }
                String agg = col == null ? "count(*)" : "sum(" + measureCol + ")";
                sql = "SELECT " + by + " AS " + byName + ", " + sum + " AS " + sumName + ",\n       round(100.0 * "
                        + agg + " / sum(" + agg + ") OVER (), 2) AS pct_of_total\n" + from
                        + "\nGROUP BY 1\nORDER BY 2 DESC, 1";
                type = "distribution";
            }
            case "rate_by" -> {
                if (by == null || p.condition() == null) {
                    return Optional.empty();
                }
                sql = "SELECT " + by + " AS " + byName + ", count(*) AS " + base + "_count,\n       round(100.0 * avg("
                        + "CASE WHEN " + p.condition() + " THEN 1.0 ELSE 0.0 END), 2) AS rate_pct\n" + from
                        + "\nGROUP BY 1\nORDER BY 3 DESC, 1";
                type = "table";
            }
            case "monthly_rate" -> {
                if (p.date() == null || p.condition() == null) {
                    return Optional.empty();
                }
                sql = "SELECT date_trunc('month', " + p.date() + ")::DATE AS month, count(*) AS " + base + "_count,\n"
                        + "       round(100.0 * avg(CASE WHEN " + p.condition() + " THEN 1.0 ELSE 0.0 END), 2)"
                        + " AS rate_pct\n" + from + "\nGROUP BY 1\nORDER BY 1";
                type = "time_series";
            }
            case "monthly", "monthly_distinct" -> {
                if (p.date() == null || (p.kind().equals("monthly_distinct") && col == null)) {
                    return Optional.empty();
                }
                String agg = p.kind().equals("monthly")
                        ? sum + " AS " + sumName
                        : "count(DISTINCT " + measureCol + ") AS distinct_" + col;
                sql = "SELECT date_trunc('month', " + p.date() + ")::DATE AS month, " + agg + "\n" + from
                        + "\nGROUP BY 1\nORDER BY 1";
                type = "time_series";
            }
            case "growth" -> {
                if (p.date() == null) {
                    return Optional.empty();
                }
                sql = "WITH monthly AS (\n  SELECT date_trunc('month', " + p.date() + ")::DATE AS month, " + sum
                        + " AS " + sumName + "\n  " + from.toString().replace("\n", "\n  ") + "\n  GROUP BY 1\n)\n"
                        + "SELECT month, " + sumName + ",\n       round(100.0 * (" + sumName + " - lag(" + sumName
                        + ") OVER (ORDER BY month)) / nullif(lag(" + sumName + ") OVER (ORDER BY month), 0), 2)"
                        + " AS growth_pct\nFROM monthly\nORDER BY month";
                type = "time_series";
            }
            case "top_n" -> {
                if (by == null) {
                    return Optional.empty();
                }
                String byTable = by.substring(0, by.indexOf('.'));
                String key = byTable + "."
                        + graph.schema().table(byTable).orElseThrow().primaryKey();
                String keyName = key.substring(key.indexOf('.') + 1);
                int n = p.n() == null ? 10 : p.n();
                sql = "SELECT " + key + " AS " + keyName + ", " + by + " AS " + byName + ", " + sum + " AS " + sumName
                        + "\n" + from + "\nGROUP BY 1, 2\nORDER BY 3 DESC, 1\nLIMIT " + n;
                type = "ranking";
            }
            default -> {
                return Optional.empty();
            }
        }
        String complexity = p.complexity() != null ? p.complexity() : complexity(p.kind(), joins.size());
        return Optional.of(new GoldenQuery(p.question(), sql, complexity, type));
    }

    private static String complexity(String kind, int joins) {
        if (kind.equals("growth") || kind.equals("share_by") || joins >= 2 || (kind.equals("top_n") && joins >= 1)) {
            return "complex";
        }
        if (joins == 1
                || kind.startsWith("monthly")
                || kind.equals("rate_by")
                || kind.equals("average_by")
                || kind.equals("top_n")) {
            return "moderate";
        }
        return "simple";
    }

    /** Adds the tables a predicate names; false if it names a column the schema lacks. */
    private static boolean collectTables(String predicate, SchemaGraph graph, Set<String> tables) {
        Matcher m = QUALIFIED.matcher(predicate.replaceAll("'[^']*'", "''"));
        while (m.find()) {
            if (!graph.hasColumn(m.group())) {
                return false;
            }
            tables.add(m.group(1));
        }
        return true;
    }
}
