package com.capidemo.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the chat planner knows about a dataset: its tables, their columns with types and a profile (distinct
 * values, nulls, the values of low-cardinality text columns), primary keys and foreign keys.
 */
public record Schema(Map<String, Table> tables) {

    /** Column type families the planner reasons about. */
    public enum Type {
        INTEGER,
        DECIMAL,
        FLOAT,
        TEXT,
        BOOLEAN,
        DATE,
        TIMESTAMP,
        OTHER;

        static Type of(String duckType) {
            String t = duckType.toUpperCase(Locale.ROOT);
            if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
                return DECIMAL;
            }
            return switch (t) {
                case "TINYINT",
                        "SMALLINT",
                        "INTEGER",
                        "BIGINT",
                        "HUGEINT",
                        "UTINYINT",
                        "USMALLINT",
                        "UINTEGER",
                        "UBIGINT",
                        "INT",
                        "INT4",
                        "INT8",
                        "LONG" -> INTEGER;
                case "DOUBLE", "FLOAT", "REAL" -> FLOAT;
                case "VARCHAR", "TEXT", "STRING" -> TEXT;
                case "BOOLEAN", "BOOL" -> BOOLEAN;
                case "DATE" -> DATE;
                default -> t.startsWith("TIMESTAMP") ? TIMESTAMP : OTHER;
            };
        }
    }

    /**
     * One column. {@code scale} is the decimal scale (2 for DECIMAL(12,2)); {@code values} lists the values of a
     * low-cardinality text column (empty otherwise).
     */
    public record Column(
            String table, String name, Type type, int scale, long distinct, long nulls, List<String> values) {

        public boolean numeric() {
            return type == Type.INTEGER || type == Type.DECIMAL || type == Type.FLOAT;
        }

        public boolean temporal() {
            return type == Type.DATE || type == Type.TIMESTAMP;
        }

        /** Identifiers (order_id, customer_id) are keys, never quantities. */
        public boolean identifier() {
            String n = name.toLowerCase(Locale.ROOT);
            return n.equals("id")
                    || n.endsWith("_id")
                    || n.endsWith("_number") && type != Type.TEXT
                    || n.endsWith("_key");
        }

        public boolean nullable() {
            return nulls > 0;
        }
    }

    /** A many-to-one link: {@code table.column} references {@code parent.parentColumn}. */
    public record Link(String table, String column, String parent, String parentColumn) {}

    public record Table(String name, long rows, List<Column> columns, String primaryKey, List<Link> links) {

        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Column column(String table, String column) {
        return tables.get(table).column(column).orElseThrow();
    }

    /**
     * The many-to-one path from {@code from} to {@code to} (following foreign keys towards the referenced table),
     * shortest first; empty when {@code to} cannot be reached that way. A path through several hops is allowed
     * (order_items → orders → customers). When two different shortest paths exist the path is ambiguous and
     * nothing is returned.
     */
    public Optional<List<Link>> pathUp(String from, String to) {
        return pathUp(from, to, Set.of());
    }

    /**
     * As {@link #pathUp(String, String)}, but when several shortest paths exist, the one path that passes through a
     * table of {@code named} (a table the question names: "course withdrawals by department" goes through courses, not
     * through the instructors who taught them) is taken; with none or several such paths it stays ambiguous.
     */
    public Optional<List<Link>> pathUp(String from, String to, Set<String> named) {
        if (from.equals(to)) {
            return Optional.of(List.of());
        }
        List<List<Link>> frontier = new ArrayList<>();
        frontier.add(List.of());
        Map<String, Integer> seen = new LinkedHashMap<>();
        seen.put(from, 0);
        for (int depth = 1; depth <= 3; depth++) {
            List<List<Link>> next = new ArrayList<>();
            List<List<Link>> found = new ArrayList<>();
            for (List<Link> path : frontier) {
                String at = path.isEmpty() ? from : path.get(path.size() - 1).parent();
                Table t = tables.get(at);
                if (t == null) {
                    continue;
                }
                for (Link link : t.links()) {
                    if (!tables.containsKey(link.parent())
                            || path.stream().anyMatch(l -> l.table().equals(link.parent()))
                            || link.parent().equals(from)) {
                        continue;
                    }
                    List<Link> extended = new ArrayList<>(path);
                    extended.add(link);
                    if (link.parent().equals(to)) {
                        found.add(extended);
                    } else if (!seen.containsKey(link.parent()) || seen.get(link.parent()) == depth) {
                        seen.put(link.parent(), depth);
                        next.add(extended);
                    }
                }
            }
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
            if (found.size() > 1) {
                List<List<Link>> through = found.stream()
                        .filter(path ->
                                path.stream().anyMatch(l -> !l.parent().equals(to) && named.contains(l.parent())))
                        .toList();
                return through.size() == 1 ? Optional.of(through.get(0)) : Optional.empty();
            }
            frontier = next;
        }
        return Optional.empty();
    }
}
