package com.capidemo.design;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link SchemaDesign} before it is compiled, so an LLM-made design fails with a readable list of problems
 * instead of a DuckDB error half-way through generation.
 */
public final class SchemaRules {

    public static final Set<String> TYPES = Set.of("STRING", "INT64", "FLOAT64", "BOOL", "DATE", "TIMESTAMP");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /** Reserved in DuckDB or BigQuery (or both), plus type and function names that make confusing column names. */
    private static final Set<String> RESERVED = Set.of(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "asymmetric",
            "at",
            "between",
            "both",
            "by",
            "case",
            "cast",
            "check",
            "collate",
            "column",
            "constraint",
            "contains",
            "create",
            "cross",
            "cube",
            "current",
            "current_date",
            "current_time",
            "current_timestamp",
            "current_user",
            "date",
            "day",
            "default",
            "deferrable",
            "define",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "enum",
            "escape",
            "except",
            "exclude",
            "exists",
            "extract",
            "false",
            "fetch",
            "following",
            "for",
            "foreign",
            "from",
            "full",
            "grant",
            "group",
            "grouping",
            "groups",
            "hash",
            "having",
            "hour",
            "if",
            "ignore",
            "ilike",
            "in",
            "initially",
            "inner",
            "intersect",
            "interval",
            "into",
            "is",
            "join",
            "lateral",
            "leading",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "lookup",
            "merge",
            "minute",
            "month",
            "natural",
            "new",
            "no",
            "not",
            "null",
            "nulls",
            "of",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "outer",
            "over",
            "partition",
            "pivot",
            "placing",
            "preceding",
            "primary",
            "proto",
            "qualify",
            "range",
            "recursive",
            "references",
            "respect",
            "returning",
            "right",
            "rollup",
            "row",
            "rows",
            "second",
            "select",
            "set",
            "similar",
            "some",
            "struct",
            "symmetric",
            "table",
            "tablesample",
            "then",
            "time",
            "timestamp",
            "to",
            "trailing",
            "treat",
            "true",
            "unbounded",
            "union",
            "unique",
            "unpivot",
            "user",
            "using",
            "value",
            "values",
            "variadic",
            "when",
            "where",
            "window",
            "with",
            "within",
            "year");

    private SchemaRules() {}

    public static boolean validIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** Problems found in {@code schema}; empty when it can be compiled. */
    public static List<String> problems(SchemaDesign schema) {
        List<String> problems = new ArrayList<>();
        if (schema.tables().isEmpty()) {
            problems.add("no tables");
        }
        Map<String, TableDesign> earlier = new LinkedHashMap<>();
        for (TableDesign table : schema.tables()) {
            String where = "table " + table.name();
            if (!validIdentifier(table.name())) {
                problems.add(where + ": name must be a snake_case identifier that is not a reserved word");
            }
            if (earlier.containsKey(table.name())) {
                problems.add(where + ": duplicate table");
            }
            if (table.rows() <= 0) {
                problems.add(where + ": rows must be > 0");
            }
            if (table.column(table.primaryKey() == null ? "" : table.primaryKey())
                    .isEmpty()) {
                problems.add(where + ": primary key " + table.primaryKey() + " is not one of its columns");
            } else if (!Generator.SEQUENCE.equals(
                    table.column(table.primaryKey()).get().generator().kind())) {
                problems.add(where + ": primary key " + table.primaryKey() + " must be a sequence (unique)");
            }
            Map<String, ColumnDesign> seen = new LinkedHashMap<>();
            for (ColumnDesign column : table.columns()) {
                columnProblems(table, column, seen, earlier, problems);
                seen.put(column.name(), column);
            }
            earlier.put(table.name(), table);
        }
        return problems;
    }

    private static void columnProblems(
            TableDesign table,
            ColumnDesign column,
            Map<String, ColumnDesign> seen,
            Map<String, TableDesign> earlier,
            List<String> problems) {
        String where = table.name() + "." + column.name();
        if (!validIdentifier(column.name())) {
            problems.add(where + ": name must be a snake_case identifier that is not a reserved word");
        }
        if (seen.containsKey(column.name())) {
            problems.add(where + ": duplicate column");
        }
        if (!TYPES.contains(column.type())) {
            problems.add(where + ": type " + column.type() + " is not one of "
                    + TYPES.stream().sorted().toList());
        }
        Generator g = column.generator();
        if (g == null || !Generator.KINDS.contains(g.kind())) {
            problems.add(where + ": generator kind " + (g == null ? null : g.kind()) + " is not one of "
                    + Generator.KINDS.stream().sorted().toList());
            return;
        }
        switch (g.kind()) {
            case Generator.FOREIGN_KEY -> {
                TableDesign parent = earlier.get(g.referencedTable());
                if (parent == null || parent.column(g.referencedColumn()).isEmpty()) {
                    problems.add(
                            where + ": references " + g.references() + " which is not a column of an earlier table");
                }
            }
            case Generator.LOOKUP -> {
                TableDesign parent = earlier.get(g.referencedTable());
                ColumnDesign via = seen.get(g.source());
                if (parent == null || parent.column(g.referencedColumn()).isEmpty()) {
                    problems.add(where + ": looks up " + g.references() + " which is not a column of an earlier table");
                } else if (via == null
                        || !Generator.FOREIGN_KEY.equals(via.generator().kind())
                        || !parent.name().equals(via.generator().referencedTable())) {
                    problems.add(where + ": source must be an earlier foreign key column to " + parent.name());
                }
            }
            case Generator.CHOICE -> {
                if (g.values() == null || g.values().isEmpty()) {
                    problems.add(where + ": choice needs values");
                }
            }
            case Generator.EMAIL -> {
                if (g.source() != null && !seen.containsKey(g.source())) {
                    problems.add(where + ": source " + g.source() + " is not an earlier column");
                }
            }
            case Generator.DERIVED -> {
                if (g.expression() == null || g.expression().isBlank()) {
                    problems.add(where + ": derived needs an expression");
                } else if (g.expression().contains(";")) {
                    problems.add(where + ": expression must be a single SQL expression");
                }
            }
            case Generator.DATE_RANGE, Generator.TIMESTAMP_RANGE -> {
                if (parseTime(g.start()) == null || parseTime(g.end()) == null) {
                    problems.add(where + ": start and end must be ISO dates");
                } else if (parseTime(g.end()).isBefore(parseTime(g.start()))) {
                    problems.add(where + ": end is before start");
                }
                if (g.seasonality() != null
                        && (g.seasonality().size() != 12
                                || g.seasonality().stream().anyMatch(w -> w == null || w <= 0))) {
                    problems.add(where + ": seasonality must be 12 positive monthly weights");
                }
            }
            default -> {}
        }
        if (g.weights() != null
                && (g.values() == null
                        || g.weights().size() != g.values().size()
                        || g.weights().stream().anyMatch(w -> w == null || w < 0))) {
            problems.add(where + ": weights must be non-negative and as many as values");
        }
    }

    /** An ISO date or date-time as a date-time (dates at midnight), or null. */
    static LocalDateTime parseTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() <= 10
                    ? LocalDate.parse(text).atStartOfDay()
                    : LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
