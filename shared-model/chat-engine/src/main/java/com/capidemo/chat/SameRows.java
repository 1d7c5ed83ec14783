package com.capidemo.chat;

import com.capidemo.core.port.QueryResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A value that two category columns of one table both hold, on exactly the same rows ("spa" as a department and as a
 * category of the same charges): either column's condition selects the same records, so the two readings of the word
 * are one answer. Read from the data once per dataset (one query); nothing is assumed for a pair the data was not
 * checked on.
 */
final class SameRows {

    /** "table.a|b=value": the condition a = value selects the same rows as b = value (both directions stored). */
    private final Set<String> covered = new HashSet<>();

    private SameRows() {}

    static SameRows none() {
        return new SameRows();
    }

    /** Checks every value shared by two category columns of one table: the same rows when both counts equal the joint one. */
    static SameRows load(Schema schema, ChatEngine.Queries queries) {
        SameRows out = new SameRows();
        List<String> parts = new ArrayList<>();
        for (Schema.Table t : schema.tables().values()) {
            List<Schema.Column> cats = t.columns().stream()
                    .filter(c -> c.type() == Schema.Type.TEXT && !c.values().isEmpty())
                    .toList();
            for (int i = 0; i < cats.size(); i++) {
                for (int j = i + 1; j < cats.size(); j++) {
                    Schema.Column a = cats.get(i);
                    Schema.Column b = cats.get(j);
                    if (a.values().stream().noneMatch(b.values()::contains)) {
                        continue;
                    }
                    // per value: rows with a = v, rows with b = v, rows with both (no value is spelled in the SQL)
                    String x = SchemaLoader.ident(a.name());
                    String y = SchemaLoader.ident(b.name());
                    String from = " FROM " + SchemaLoader.ident(t.name());
                    parts.add("SELECT " + SchemaLoader.literal(t.name()) + " AS t, " + SchemaLoader.literal(a.name())
                            + " AS a, " + SchemaLoader.literal(b.name()) + " AS b, v, sum(x) AS x, sum(y) AS y,"
                            + " sum(xy) AS xy FROM (SELECT CAST(" + x + " AS VARCHAR) AS v, 1 AS x, 0 AS y,"
                            + " CASE WHEN " + x + " = " + y + " THEN 1 ELSE 0 END AS xy" + from + " WHERE " + x
                            + " IS NOT NULL UNION ALL SELECT CAST(" + y + " AS VARCHAR), 0, 1, 0" + from + " WHERE "
                            + y + " IS NOT NULL) GROUP BY v");
                }
            }
        }
        if (parts.isEmpty()) {
            return out;
        }
        QueryResult r = queries.run(String.join(" UNION ALL ", parts), 10_000);
        for (List<Object> row : r.rows()) {
            long x = ((Number) row.get(4)).longValue();
            long y = ((Number) row.get(5)).longValue();
            long both = ((Number) row.get(6)).longValue();
            if (x > 0 && x == y && y == both && shared(schema, row)) {
                out.covered.add(row.get(0) + "." + row.get(1) + "|" + row.get(2) + "=" + row.get(3));
                out.covered.add(row.get(0) + "." + row.get(2) + "|" + row.get(1) + "=" + row.get(3));
            }
        }
        return out;
    }

    private static boolean shared(Schema schema, List<Object> row) {
        String table = String.valueOf(row.get(0));
        String value = String.valueOf(row.get(3));
        return schema.column(table, String.valueOf(row.get(1))).values().contains(value)
                && schema.column(table, String.valueOf(row.get(2))).values().contains(value);
    }

    /** Whether a = value and b = value select the same rows of the table (checked on the data). */
    boolean covers(String table, String a, String b, String value) {
        return covered.contains(table + "." + a + "|" + b + "=" + value);
    }

    /**
     * The mentions without the value readings another kept reading of the same words selects the same rows for: of
     * such a group, the column with the fewest values (the coarser category) is kept.
     */
    List<SemanticModel.Mention> prune(List<SemanticModel.Mention> mentions, Schema schema) {
        if (covered.isEmpty()) {
            return mentions;
        }
        List<SemanticModel.Mention> out = new ArrayList<>();
        for (SemanticModel.Mention m : mentions) {
            if (!sameAsCoarser(m, mentions, schema)) {
                out.add(m);
            }
        }
        return out.size() == mentions.size() ? mentions : out;
    }

    private boolean sameAsCoarser(SemanticModel.Mention m, List<SemanticModel.Mention> mentions, Schema schema) {
        if (m.kind() != SemanticModel.Kind.VALUE) {
            return false;
        }
        for (SemanticModel.Mention o : mentions) {
            if (o != m
                    && o.kind() == SemanticModel.Kind.VALUE
                    && o.tokens().equals(m.tokens())
                    && o.table().equals(m.table())
                    && !o.column().equals(m.column())
                    && o.entry().value().equals(m.entry().value())
                    && covers(m.table(), m.column(), o.column(), m.entry().value())
                    && coarser(o, m, schema)) {
                return true;
            }
        }
        return false;
    }

    private static boolean coarser(SemanticModel.Mention a, SemanticModel.Mention b, Schema schema) {
        long da = schema.column(a.table(), a.column()).distinct();
        long db = schema.column(b.table(), b.column()).distinct();
        return da < db || da == db && a.column().compareTo(b.column()) < 0;
    }
}
