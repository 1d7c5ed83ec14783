package com.capidemo.design;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The foreign keys of a schema design as a graph from child to parent tables, for writing joins. */
final class SchemaGraph {

    /** {@code child.column} references {@code parent.parentColumn}. */
    record Edge(String child, String column, String parent, String parentColumn) {
        String joinSql() {
            return "JOIN " + parent + " ON " + parent + "." + parentColumn + " = " + child + "." + column;
        }
    }

    private final SchemaDesign schema;
    private final Map<String, List<Edge>> outgoing = new LinkedHashMap<>();

    SchemaGraph(SchemaDesign schema) {
        this.schema = schema;
        for (TableDesign t : schema.tables()) {
            List<Edge> edges = new ArrayList<>();
            for (ColumnDesign c : t.columns()) {
                Generator g = c.generator();
                if (g != null && Generator.FOREIGN_KEY.equals(g.kind())) {
                    edges.add(new Edge(t.name(), c.name(), g.referencedTable(), g.referencedColumn()));
                }
            }
            outgoing.put(t.name(), edges);
        }
    }

    SchemaDesign schema() {
        return schema;
    }

    List<Edge> parents(String table) {
        return outgoing.getOrDefault(table, List.of());
    }

    /** The shortest chain of child-to-parent joins from {@code from} to {@code to}; empty list when equal. */
    Optional<List<Edge>> path(String from, String to) {
        if (from.equals(to)) {
            return Optional.of(List.of());
        }
        Map<String, Edge> via = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String table = queue.removeFirst();
            for (Edge e : parents(table)) {
                if (!e.parent().equals(from) && !via.containsKey(e.parent())) {
                    via.put(e.parent(), e);
                    if (e.parent().equals(to)) {
                        List<Edge> path = new ArrayList<>();
                        for (String t = to; !t.equals(from); t = via.get(t).child()) {
                            path.add(0, via.get(t));
                        }
                        return Optional.of(path);
                    }
                    queue.addLast(e.parent());
                }
            }
        }
        return Optional.empty();
    }

    boolean hasColumn(String qualified) {
        int dot = qualified == null ? -1 : qualified.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        return schema.table(qualified.substring(0, dot))
                .flatMap(t -> t.column(qualified.substring(dot + 1)))
                .isPresent();
    }

    Optional<ColumnDesign> column(String qualified) {
        int dot = qualified.indexOf('.');
        return schema.table(qualified.substring(0, dot)).flatMap(t -> t.column(qualified.substring(dot + 1)));
    }
}
