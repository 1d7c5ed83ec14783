package com.capidemo.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes the DuckDB SELECT for a {@link Plan}: joins along foreign keys, filters, grouping, ordering and limit. */
final class SqlWriter {

    private final SemanticModel model;

    SqlWriter(SemanticModel model) {
        this.model = model;
    }

    /** The SQL, or empty when a table of the plan cannot be joined to its base unambiguously. */
    Optional<String> write(Plan plan) {
        return write(plan, Set.of());
    }

    /** As {@link #write(Plan)}, joining along the one path through a named table when several are shortest. */
    Optional<String> write(Plan plan, Set<String> named) {
        if (plan.firstEvent() != null) {
            return firstEvents(plan);
        }
        Schema schema = model.schema;
        Map<String, String> alias = new LinkedHashMap<>();
        alias.put(plan.base(), aliasFor(plan.base(), alias));
        List<String> joins = new ArrayList<>();
        Set<String> needed = new LinkedHashSet<>(plan.tables());
        Metric metric = metric(plan);
        if (metric != null) {
            needed.addAll(metric.tables());
        }
        for (String t : needed) {
            if (t == null || alias.containsKey(t)) {
                continue;
            }
            Optional<List<Schema.Link>> path = schema.pathUp(plan.base(), t, named);
            if (path.isEmpty()) {
                return Optional.empty();
            }
            for (Schema.Link link : path.get()) {
                if (alias.containsKey(link.parent())) {
                    continue;
                }
                String a = aliasFor(link.parent(), alias);
                alias.put(link.parent(), a);
                joins.add("JOIN " + ident(link.parent()) + " " + a + " ON " + a + "." + ident(link.parentColumn())
                        + " = " + alias.get(link.table()) + "." + ident(link.column()));
            }
        }
        List<String> select = new ArrayList<>();
        List<String> group = new ArrayList<>();
        List<String> where = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (plan.timeGroup() != null) {
            Plan.TimeGroup g = plan.timeGroup();
            String col = alias.get(g.table()) + "." + ident(g.column());
            boolean year = TimeStage.yearColumn(schema.column(g.table(), g.column()));
            String expr =
                    switch (g.grain()) {
                        case "year" -> year ? col : "year(" + col + ")";
                        case "day" -> "CAST(" + col + " AS DATE)";
                        default -> "CAST(date_trunc('" + g.grain() + "', " + col + ") AS DATE)";
                    };
            String name = unique(names, g.grain());
            select.add(expr + " AS " + name);
            group.add(expr);
            order.add(name);
        }
        for (Plan.Dim d : plan.dims()) {
            String a = alias.get(d.table());
            if (d.entity()) {
                Schema.Table t = schema.table(d.table()).orElseThrow();
                String label = model.label.get(d.table());
                String name = unique(names, Words.singular(d.table()));
                if (label == null) {
                    select.add(a + "." + ident(t.primaryKey()) + " AS " + name);
                    group.add(a + "." + ident(t.primaryKey()));
                } else {
                    String expr = label.contains("||")
                            ? label.replace("first_name", a + ".first_name").replace("last_name", a + ".last_name")
                            : a + "." + ident(label);
                    select.add(expr + " AS " + name);
                    if (t.primaryKey() != null) {
                        // the record's own key too: a label (a name) need not tell two records apart
                        select.add(a + "." + ident(t.primaryKey()) + " AS " + unique(names, t.primaryKey()));
                        group.add(a + "." + ident(t.primaryKey()));
                    }
                    group.add(expr);
                }
            } else {
                String col = a + "." + ident(d.column());
                select.add(col + " AS " + unique(names, d.column()));
                group.add(col);
                where.add(col + " IS NOT NULL");
            }
        }
        String measureExpr = measure(plan, metric, alias);
        String measureName = unique(names, measureName(plan, metric));
        select.add(measureExpr + " AS " + measureName);
        if (plan.share() && (!plan.dims().isEmpty() || plan.timeGroup() != null)) {
            select.add("round(100.0 * " + measureExpr + " / sum(" + measureExpr + ") OVER (), 1) AS "
                    + unique(names, "pct_of_total"));
        }
        if (metric != null) {
            for (String f : metric.filters()) {
                where.add(placeholders(f, alias));
            }
        }
        for (Plan.Cond c : plan.filters()) {
            where.add(condition(c, alias, schema));
        }
        if (plan.period() != null) {
            Plan.Period p = plan.period();
            Schema.Column c = schema.column(p.table(), p.column());
            String col = alias.get(p.table()) + "." + ident(p.column());
            String type = c.type() == Schema.Type.DATE ? "DATE" : "TIMESTAMP";
            if (TimeStage.yearColumn(c)) {
                // a year column: whole years only (TimeStage declines the rest)
                if (p.from() != null) {
                    where.add(col + " >= " + p.from().substring(0, 4));
                }
                if (p.to() != null) {
                    where.add(col + " < " + p.to().substring(0, 4));
                }
            } else {
                if (p.from() != null) {
                    where.add(col + " >= " + type + " '" + p.from() + "'");
                }
                if (p.to() != null) {
                    where.add(col + " < " + type + " '" + p.to() + "'");
                }
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select));
        sql.append("\nFROM ").append(ident(plan.base())).append(' ').append(alias.get(plan.base()));
        for (String j : joins) {
            sql.append('\n').append(j);
        }
        if (!where.isEmpty()) {
            sql.append("\nWHERE ").append(String.join("\n  AND ", where));
        }
        if (!group.isEmpty()) {
            sql.append("\nGROUP BY ").append(String.join(", ", group));
        }
        boolean ranked = plan.limit() != null || !plan.dims().isEmpty();
        if (plan.timeGroup() != null && plan.dims().isEmpty() && plan.limit() == null) {
            sql.append("\nORDER BY ").append(String.join(", ", order));
        } else if (ranked && (!group.isEmpty())) {
            List<String> o = new ArrayList<>();
            if (plan.timeGroup() != null && plan.limit() == null) {
                o.addAll(order);
            }
            o.add(measureName + (plan.ascending() ? " ASC" : " DESC") + " NULLS LAST");
            o.add("1");
            sql.append("\nORDER BY ").append(String.join(", ", o));
        }
        if (plan.limit() != null) {
            sql.append("\nLIMIT ").append(plan.limit());
        }
        return Optional.of(sql.toString());
    }

    Metric metric(Plan plan) {
        if (!"metric".equals(plan.measure().kind())
                && !("amount_share".equals(plan.measure().kind())
                        && plan.measure().metric() != null)) {
            return null;
        }
        return model.metrics.stream()
                .filter(m -> m.name().equals(plan.measure().metric()))
                .findFirst()
                .orElse(null);
    }

    private String measure(Plan plan, Metric metric, Map<String, String> alias) {
        Plan.Measure m = plan.measure();
        if (metric != null && !m.kind().equals("amount_share")) {
            return placeholders(metric.expression(), alias);
        }
        if (m.kind().equals("count")) {
            return "count(*)";
        }
        if (m.kind().equals("per_entity")) {
            return "round(count(*) * 1.0 / (SELECT count(*) FROM " + ident(m.unit()) + "), 2)";
        }
        if (m.kind().equals("per_active_entity")) {
            return "round(count(*) * 1.0 / count(DISTINCT " + alias.get(m.table()) + "." + ident(m.column()) + "), 2)";
        }
        if (m.kind().equals("percent")) {
            List<String> conds = new ArrayList<>();
            plan.numerator().forEach(c -> conds.add(condition(c, alias, model.schema)));
            return "round(100.0 * count(*) FILTER (WHERE " + String.join(" AND ", conds) + ") / count(*), 2)";
        }
        if (m.kind().equals("amount_share")) {
            List<String> conds = new ArrayList<>();
            plan.numerator().forEach(c -> conds.add(condition(c, alias, model.schema)));
            String col = alias.get(m.table()) + "." + ident(m.column());
            return "round(100.0 * sum(" + col + ") FILTER (WHERE " + String.join(" AND ", conds) + ") / sum(" + col
                    + "), 1)";
        }
        if (m.duration()) {
            return duration(m, alias);
        }
        String col = alias.get(m.table()) + "." + ident(m.column());
        Schema.Column c = model.schema.column(m.table(), m.column());
        int scale = c.type() == Schema.Type.DECIMAL ? Math.max(c.scale(), 0) : c.type() == Schema.Type.FLOAT ? 2 : 0;
        if ("hour".equals(m.unit()) && m.kind().equals("sum")) {
            return "round(sum(" + col + ") / 60.0, 1)"; // a length held in minutes, asked in hours
        }
        return switch (m.kind()) {
            case "count_distinct" -> "count(DISTINCT " + col + ")";
            case "sum" ->
                scale == 0 && c.type() == Schema.Type.INTEGER
                        ? "sum(" + col + ")"
                        : "round(sum(" + col + "), " + Math.max(2, scale) + ")";
            case "avg" -> "round(avg(" + col + "), " + Math.max(2, scale) + ")";
            case "median" -> "round(median(" + col + "), " + Math.max(2, scale) + ")";
            case "min" -> "min(" + col + ")";
            case "max" -> "max(" + col + ")";
            default -> throw new IllegalArgumentException("unknown measure " + m.kind());
        };
    }

    String measureName(Plan plan, Metric metric) {
        Plan.Measure m = plan.measure();
        if (metric != null) {
            return (m.kind().equals("amount_share") ? "pct_of_" : "")
                    + metric.name().toLowerCase(Locale.ROOT);
        }
        if (m.duration()) {
            return m.kind() + "_" + m.unit() + "s";
        }
        return switch (m.kind()) {
            case "percent" -> "pct_" + plan.base();
            case "amount_share" -> "pct_of_" + m.column();
            case "count" -> plan.base();
            case "per_entity", "per_active_entity" -> plan.base() + "_per_" + Words.singular(m.unit());
            case "count_distinct" -> "distinct_" + m.column();
            case "sum" ->
                "hour".equals(m.unit())
                        ? "total_hours"
                        : m.column().startsWith("total_") ? m.column() : "total_" + m.column();
            default -> m.kind() + "_" + m.column();
        };
    }

    /** avg/median of the time from start to end in the measure's unit, the way the golden queries write durations. */
    private String duration(Plan.Measure m, Map<String, String> alias) {
        String start = alias.get(m.startTable()) + "." + ident(m.startColumn());
        String end = alias.get(m.table()) + "." + ident(m.column());
        boolean dates = model.schema.column(m.startTable(), m.startColumn()).type() == Schema.Type.DATE
                && model.schema.column(m.table(), m.column()).type() == Schema.Type.DATE;
        String agg = m.kind().equals("median") ? "median" : "avg";
        return switch (m.unit()) {
            case "month", "year" ->
                "round(" + agg + "(date_diff('month', " + start + ", " + end + "))"
                        + (m.unit().equals("year") ? " / 12.0" : "") + ", 1)";
            case "minute" -> "round(" + agg + "(date_diff('minute', " + start + ", " + end + ")), 1)";
            case "hour" -> "round(" + agg + "(date_diff('minute', " + start + ", " + end + ")) / 60.0, 1)";
            case "week" ->
                dates
                        ? "round(" + agg + "(date_diff('day', " + start + ", " + end + ")) / 7.0, 1)"
                        : "round(" + agg + "(date_diff('minute', " + start + ", " + end + ")) / 10080.0, 1)";
            default ->
                dates
                        ? "round(" + agg + "(date_diff('day', " + start + ", " + end + ")), 1)"
                        : "round(" + agg + "(date_diff('minute', " + start + ", " + end + ")) / 1440.0, 1)";
        };
    }

    /**
     * Entities counted by the period of their first child record: the children's first dates per key, then counted by
     * the time grouping and period of the plan (no other groupings or filters).
     */
    private Optional<String> firstEvents(Plan plan) {
        Plan.FirstEvent f = plan.firstEvent();
        if (!plan.dims().isEmpty()
                || !plan.filters().isEmpty()
                || !"count".equals(plan.measure().kind())) {
            return Optional.empty();
        }
        String col = "f.first_at";
        List<String> where = new ArrayList<>();
        if (plan.period() != null) {
            String type =
                    model.schema.column(f.child(), f.dateColumn()).type() == Schema.Type.DATE ? "DATE" : "TIMESTAMP";
            if (plan.period().from() != null) {
                where.add(col + " >= " + type + " '" + plan.period().from() + "'");
            }
            if (plan.period().to() != null) {
                where.add(col + " < " + type + " '" + plan.period().to() + "'");
            }
        }
        String from = "\nFROM (SELECT " + ident(f.childKey()) + " AS entity_key, min(" + ident(f.dateColumn())
                + ") AS first_at FROM " + ident(f.child()) + " WHERE " + ident(f.childKey())
                + " IS NOT NULL GROUP BY 1) f"
                + (where.isEmpty() ? "" : "\nWHERE " + String.join("\n  AND ", where));
        String name = "new_" + plan.base();
        if (plan.timeGroup() == null) {
            return Optional.of("SELECT count(*) AS " + name + from);
        }
        String grain = plan.timeGroup().grain();
        String expr =
                switch (grain) {
                    case "year" -> "year(" + col + ")";
                    case "day" -> "CAST(" + col + " AS DATE)";
                    default -> "CAST(date_trunc('" + grain + "', " + col + ") AS DATE)";
                };
        String sql = "SELECT " + expr + " AS " + grain + ", count(*) AS " + name + from + "\nGROUP BY 1";
        if (plan.limit() != null) {
            sql += "\nORDER BY " + name + (plan.ascending() ? " ASC" : " DESC") + ", 1\nLIMIT " + plan.limit();
        } else {
            sql += "\nORDER BY 1";
        }
        return Optional.of(sql);
    }

    static String condition(Plan.Cond c, Map<String, String> alias, Schema schema) {
        String col = alias.get(c.table()) + "." + ident(c.column());
        if (c.segment() != null) {
            return col + segment(c.segment(), schema);
        }
        return condition(c, alias);
    }

    /** " IN (SELECT key FROM child …)" or " NOT IN (…)" for a segment of the entity whose key precedes it. */
    private static String segment(Plan.Segment s, Schema schema) {
        Map<String, String> inner = Map.of(s.child(), "sub");
        List<String> where = new ArrayList<>();
        where.add("sub." + ident(s.childKey()) + " IS NOT NULL");
        s.childFilters().forEach(f -> where.add(condition(f, inner, schema)));
        String select = "SELECT sub." + ident(s.childKey()) + " FROM " + ident(s.child()) + " sub WHERE "
                + String.join(" AND ", where);
        return switch (s.op()) {
            case "exists" -> " IN (" + select + ")";
            case "absent" -> " NOT IN (" + select + ")";
            default ->
                " IN (" + select + " GROUP BY 1 HAVING count(*) " + operator(s.op()) + " " + number(s.count()) + ")";
        };
    }

    static String operatorWords(String op) {
        return switch (op) {
            case "gt" -> "more than";
            case "ge" -> "at least";
            case "lt" -> "fewer than";
            case "le" -> "at most";
            default -> "exactly";
        };
    }

    private static String operator(String op) {
        return switch (op) {
            case "gt" -> ">";
            case "ge" -> ">=";
            case "lt" -> "<";
            case "le" -> "<=";
            default -> "=";
        };
    }

    private static String condition(Plan.Cond c, Map<String, String> alias) {
        String col = alias.get(c.table()) + "." + ident(c.column());
        return switch (c.op()) {
            case "in" ->
                c.values().size() == 1
                        ? col + " = " + literal(c.values().get(0))
                        : col + " IN ("
                                + String.join(
                                        ", ",
                                        c.values().stream()
                                                .map(SqlWriter::literal)
                                                .toList()) + ")";
            case "not_in" ->
                c.values().size() == 1
                        ? col + " <> " + literal(c.values().get(0))
                        : col + " NOT IN ("
                                + String.join(
                                        ", ",
                                        c.values().stream()
                                                .map(SqlWriter::literal)
                                                .toList()) + ")";
            case "is_null" -> col + " IS NULL";
            case "not_null" -> col + " IS NOT NULL";
            case "is_true" -> col + " = true";
            case "is_false" -> col + " = false";
            case "gt" -> col + " > " + number(c.number());
            case "ge" -> col + " >= " + number(c.number());
            case "lt" -> col + " < " + number(c.number());
            case "le" -> col + " <= " + number(c.number());
            default -> throw new IllegalArgumentException("unknown condition " + c.op());
        };
    }

    static String number(Double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }

    private static String placeholders(String sql, Map<String, String> alias) {
        String out = sql;
        for (Map.Entry<String, String> e : alias.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    private static String aliasFor(String table, Map<String, String> taken) {
        StringBuilder a = new StringBuilder();
        for (String part : table.split("_")) {
            if (!part.isEmpty()) {
                a.append(part.charAt(0));
            }
        }
        String base = a.toString().toLowerCase(Locale.ROOT);
        if (Set.of("as", "at", "by", "do", "if", "in", "is", "on", "or", "to", "and", "asc", "end", "not", "all", "any")
                .contains(base)) {
            base = base + "_";
        }
        String candidate = base;
        int i = 2;
        while (taken.containsValue(candidate)) {
            candidate = base + i++;
        }
        return candidate;
    }

    private static String unique(Set<String> names, String name) {
        String n = name.replaceAll("[^a-z0-9_]", "_");
        String candidate = n;
        int i = 2;
        while (!names.add(candidate)) {
            candidate = n + "_" + i++;
        }
        return candidate;
    }

    /** A column name from a label: "H1 2024" → h1_2024, "2023" → p_2023. */
    static String columnName(String label) {
        String n = label.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) ? "p_" + n : n;
    }

    static String ident(String name) {
        return name.matches("[a-z_][a-z0-9_]*")
                        && !Set.of(
                                        "order",
                                        "group",
                                        "select",
                                        "from",
                                        "where",
                                        "limit",
                                        "user",
                                        "table",
                                        "end",
                                        "case",
                                        "when",
                                        "default",
                                        "check",
                                        "column",
                                        "grant",
                                        "to",
                                        "as",
                                        "by",
                                        "on",
                                        "in",
                                        "is",
                                        "or",
                                        "and",
                                        "not",
                                        "all",
                                        "any",
                                        "desc",
                                        "asc",
                                        "date",
                                        "time",
                                        "timestamp",
                                        "year",
                                        "month",
                                        "day",
                                        "interval",
                                        "value",
                                        "values",
                                        "offset",
                                        "window",
                                        "union",
                                        "primary",
                                        "references",
                                        "using",
                                        "natural",
                                        "left",
                                        "right",
                                        "full",
                                        "inner",
                                        "outer",
                                        "cross",
                                        "join",
                                        "having",
                                        "qualify",
                                        "filter",
                                        "over",
                                        "collate",
                                        "array",
                                        "cast",
                                        "distinct",
                                        "else",
                                        "then",
                                        "true",
                                        "false",
                                        "null",
                                        "unique",
                                        "constraint",
                                        "create",
                                        "similar",
                                        "some",
                                        "symmetric",
                                        "variadic",
                                        "analyse",
                                        "analyze",
                                        "lateral",
                                        "leading",
                                        "trailing",
                                        "both",
                                        "localtime",
                                        "localtimestamp",
                                        "current_date",
                                        "current_time",
                                        "current_timestamp",
                                        "current_user",
                                        "session_user",
                                        "only",
                                        "placing",
                                        "returning",
                                        "initially",
                                        "deferrable",
                                        "foreign",
                                        "fetch",
                                        "for",
                                        "into",
                                        "pivot",
                                        "unpivot",
                                        "describe",
                                        "show",
                                        "summarize",
                                        "semi",
                                        "anti",
                                        "positional",
                                        "asof",
                                        "lambda",
                                        "struct",
                                        "map",
                                        "row",
                                        "type")
                                .contains(name)
                ? name
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String v) {
        return "'" + v.replace("'", "''") + "'";
    }
}
