package com.capidemo.chat;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.sql.SqlLexer;
import com.capidemo.core.sql.SqlToken;
import com.capidemo.core.sql.SqlTokens;
import com.capidemo.core.sql.TableReferences;
import com.capidemo.core.sql.TableReferences.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Learns the demo's business vocabulary from its golden queries, the way a data agent learns from example queries:
 * named measures (aggregate select items with an alias, together with the WHERE conditions that define them) and
 * column synonyms ({@code source_name AS sales_channel}). Only simple single-level queries are read; anything the
 * miner does not fully understand is skipped, which only makes the planner more cautious.
 */
final class MetricMiner {

    private static final Set<String> AGGREGATES =
            Words.set("count", "sum", "avg", "min", "max", "median", "count_if", "quantile_cont", "stddev", "mode");
    private static final Set<String> AGG_PREFIX =
            Words.set("avg", "averag", "total", "sum", "count", "num", "number", "min", "max", "median", "mean");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    /** What was learned from the golden queries. */
    record Learned(List<Metric> metrics, Map<String, List<String>> synonyms) {}

    private MetricMiner() {}

    static Learned mine(Schema schema, List<GoldenQuery> goldens) {
        Map<String, Metric> byName = new LinkedHashMap<>();
        Set<String> conflicting = new HashSet<>();
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        Map<String, String> timeByBase = new HashMap<>();
        for (GoldenQuery g : goldens) {
            try {
                Parsed p = parse(schema, g.sql());
                if (p == null) {
                    continue;
                }
                for (Item item : p.items) {
                    if (item.plainColumn != null
                            && !item.alias.equals(item.plainColumn.split("\\.")[1])) {
                        synonyms.computeIfAbsent(item.plainColumn, k -> new ArrayList<>())
                                .add(item.alias);
                    }
                }
                for (Item item : p.items) {
                    Metric m = metric(schema, p, item, g.question());
                    if (m == null) {
                        continue;
                    }
                    Metric seen = byName.get(m.name());
                    if (seen == null) {
                        byName.put(m.name(), m);
                    } else if (!seen.definition().equals(m.definition())) {
                        conflicting.add(m.name());
                    } else if (seen.timeColumn() == null && m.timeColumn() != null) {
                        byName.put(m.name(), m);
                    }
                }
            } catch (RuntimeException e) {
                // a golden query the miner cannot read teaches it nothing
            }
        }
        List<Metric> metrics = new ArrayList<>();
        for (Metric m : byName.values()) {
            if (!conflicting.contains(m.name())) {
                metrics.add(m);
            }
        }
        return new Learned(List.copyOf(metrics), synonyms);
    }

    /** A select item: its expression tokens, alias and (when it is just a column) that column. */
    private static final class Item {
        List<SqlToken> expr;
        String alias;
        String plainColumn;
    }

    private static final class Parsed {
        Map<String, String> aliases = new LinkedHashMap<>();
        List<String> fromTables = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<List<SqlToken>> conjuncts = new ArrayList<>();
        Set<String> groupColumns = new HashSet<>();
        String timeColumn;
    }

    private static Parsed parse(Schema schema, String sql) {
        List<SqlToken> toks = SqlLexer.tokens(sql.strip().replaceAll(";\\s*$", ""));
        if (toks.isEmpty() || !toks.get(0).isWord("SELECT")) {
            return null;
        }
        // clause boundaries at depth 0
        Map<String, Integer> clause = new LinkedHashMap<>();
        boolean[] top = SqlTokens.topLevel(toks);
        for (int i = 0; i < toks.size(); i++) {
            SqlToken t = toks.get(i);
            if (top[i] && t.kind() == SqlToken.Kind.WORD) {
                String u = t.upper();
                if (u.equals("UNION") || u.equals("EXCEPT") || u.equals("INTERSECT") || u.equals("WINDOW")) {
                    return null;
                }
                if (List.of("FROM", "WHERE", "GROUP", "HAVING", "QUALIFY", "ORDER", "LIMIT")
                                .contains(u)
                        && !clause.containsKey(u)) {
                    clause.put(u, i);
                }
            }
        }
        if (!clause.containsKey("FROM") || clause.containsKey("HAVING")) {
            return null;
        }
        Parsed p = new Parsed();
        int fromStart = clause.get("FROM") + 1;
        int fromEnd = next(clause, "FROM", toks.size());
        if (!parseFrom(schema, toks, fromStart, fromEnd, p)) {
            return null;
        }
        for (List<SqlToken> part : SqlTokens.splitTop(toks.subList(1, clause.get("FROM")), ",")) {
            if (part.size() < 3
                    || !part.get(part.size() - 2).isWord("AS")
                    || !part.get(part.size() - 1).isIdentifier()) {
                continue;
            }
            Item item = new Item();
            item.expr = part.subList(0, part.size() - 2);
            item.alias = part.get(part.size() - 1).identifier().toLowerCase(Locale.ROOT);
            String col = plainColumn(schema, p, item.expr);
            item.plainColumn = col;
            p.items.add(item);
        }
        if (clause.containsKey("WHERE")) {
            List<SqlToken> where = toks.subList(clause.get("WHERE") + 1, next(clause, "WHERE", toks.size()));
            if (SqlTokens.hasTopLevel(where, "OR")) {
                return null;
            }
            p.conjuncts.addAll(SqlTokens.splitTopWord(where, "AND"));
        }
        if (clause.containsKey("GROUP")) {
            List<SqlToken> group = toks.subList(clause.get("GROUP") + 2, next(clause, "GROUP", toks.size()));
            for (List<SqlToken> g : SqlTokens.splitTop(group, ",")) {
                List<SqlToken> expr = g;
                if (g.size() == 1 && g.get(0).kind() == SqlToken.Kind.NUMBER) {
                    int idx = Integer.parseInt(g.get(0).text()) - 1;
                    List<List<SqlToken>> items = SqlTokens.splitTop(toks.subList(1, clause.get("FROM")), ",");
                    if (idx < 0 || idx >= items.size()) {
                        continue;
                    }
                    expr = items.get(idx);
                }
                for (String c : columnRefs(schema, p, expr)) {
                    p.groupColumns.add(c);
                    String[] tc = c.split("\\.");
                    if (schema.column(tc[0], tc[1]).temporal() && p.timeColumn == null) {
                        p.timeColumn = c;
                    }
                }
                for (Item item : p.items) {
                    if (SqlTokens.sameText(item.expr, expr)
                            || expr.size() == 1
                                    && expr.get(0).isIdentifier()
                                    && expr.get(0).identifier().equalsIgnoreCase(item.alias)) {
                        for (String c : columnRefs(schema, p, item.expr)) {
                            p.groupColumns.add(c);
                        }
                    }
                }
            }
        }
        for (List<SqlToken> c : p.conjuncts) {
            if (isTimeConjunct(c)) {
                List<String> refs = new ArrayList<>(columnRefs(schema, p, c));
                if (refs.size() == 1 && p.timeColumn == null) {
                    p.timeColumn = refs.get(0);
                }
            }
        }
        return p;
    }

    private static int next(Map<String, Integer> clause, String current, int end) {
        int start = clause.get(current);
        int best = end;
        for (int v : clause.values()) {
            if (v > start && v < best) {
                best = v;
            }
        }
        return best;
    }

    /**
     * The FROM clause ({@code toks[from, to)}) of a query the miner understands: tables of the schema joined with
     * JOIN, each with an optional alias; no comma lists, subqueries or table functions.
     */
    private static boolean parseFrom(Schema schema, List<SqlToken> toks, int from, int to, Parsed p) {
        for (TableRef r : TableReferences.find(toks)) {
            if (r.depth() > 0 || r.index() < from || r.index() >= to) {
                continue;
            }
            String table = toks.get(r.index()).identifier();
            if (r.kind() != TableRef.Kind.TABLE
                    || r.listed()
                    || schema.table(table).isEmpty()) {
                return false;
            }
            p.aliases.put(r.alias().orElse(table).toLowerCase(Locale.ROOT), table);
            p.fromTables.add(table);
        }
        return !p.fromTables.isEmpty();
    }

    private static String plainColumn(Schema schema, Parsed p, List<SqlToken> expr) {
        if (expr.size() == 1 && expr.get(0).isIdentifier()) {
            return resolve(schema, p, null, expr.get(0).identifier());
        }
        if (expr.size() == 3
                && expr.get(0).isIdentifier()
                && expr.get(1).isSymbol(".")
                && expr.get(2).isIdentifier()) {
            return resolve(schema, p, expr.get(0).identifier(), expr.get(2).identifier());
        }
        return null;
    }

    /** table.column for a reference (alias may be null for a bare column); null when it is not a column. */
    private static String resolve(Schema schema, Parsed p, String alias, String column) {
        String col = column.toLowerCase(Locale.ROOT);
        if (alias != null) {
            String table = p.aliases.get(alias.toLowerCase(Locale.ROOT));
            return table != null
                            && schema.table(table).flatMap(t -> t.column(col)).isPresent()
                    ? table + "." + col
                    : null;
        }
        String found = null;
        for (String table : p.fromTables) {
            if (schema.table(table).flatMap(t -> t.column(col)).isPresent()) {
                if (found != null) {
                    return null;
                }
                found = table + "." + col;
            }
        }
        return found;
    }

    private static Set<String> columnRefs(Schema schema, Parsed p, List<SqlToken> expr) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < expr.size(); i++) {
            String ref = refAt(schema, p, expr, i);
            if (ref != null) {
                out.add(ref);
            }
        }
        return out;
    }

    /** The column a token names (checking for alias.column and bare columns), or null. */
    private static String refAt(Schema schema, Parsed p, List<SqlToken> expr, int i) {
        SqlToken t = expr.get(i);
        if (!t.isIdentifier()) {
            return null;
        }
        SqlToken prev = i > 0 ? expr.get(i - 1) : null;
        SqlToken next = i + 1 < expr.size() ? expr.get(i + 1) : null;
        if (next != null && (next.isSymbol("(") || next.isSymbol("."))) {
            return null;
        }
        if (prev != null && prev.isSymbol("::")) {
            return null;
        }
        if (prev != null && prev.isSymbol(".")) {
            if (i < 2 || !expr.get(i - 2).isIdentifier()) {
                return null;
            }
            return resolve(schema, p, expr.get(i - 2).identifier(), t.identifier());
        }
        if (prev != null
                && prev.kind() == SqlToken.Kind.NUMBER
                && i >= 2
                && expr.get(i - 2).isWord("INTERVAL")) {
            return null;
        }
        return resolve(schema, p, null, t.identifier());
    }

    private static boolean isTimeConjunct(List<SqlToken> c) {
        for (int i = 0; i < c.size(); i++) {
            SqlToken t = c.get(i);
            if (t.kind() == SqlToken.Kind.STRING && ISO_DATE.matcher(t.text()).matches()) {
                return true;
            }
            if ((t.isWord("year") || t.isWord("date_trunc") || t.isWord("month") || t.isWord("quarter"))
                    && i + 1 < c.size()
                    && c.get(i + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    private static Metric metric(Schema schema, Parsed p, Item item, String question) {
        if (item.plainColumn != null || containsWord(item.expr, "OVER") || !hasAggregate(item.expr)) {
            return null;
        }
        List<String> stems = new ArrayList<>();
        boolean percent = false;
        for (String w : Words.nameStems(item.alias)) {
            if (w.equals("percent") || w.equals("pct")) {
                percent = true;
            } else if (!Character.isDigit(w.charAt(0))) {
                stems.add(w);
            }
        }
        if (stems.size() < 2) {
            return null;
        }
        // A name that is just another column's name ("outstanding_principal", "avg credit score" while a
        // credit_score column exists elsewhere) would hijack that column: leave such names to the columns.
        List<String> core = new ArrayList<>(stems);
        while (!core.isEmpty() && AGG_PREFIX.contains(core.get(0))) {
            core.remove(0);
        }
        for (Schema.Table t : schema.tables().values()) {
            for (Schema.Column c : t.columns()) {
                List<String> colStems = Words.nameStems(c.name());
                if (colStems.equals(stems) || colStems.equals(core)) {
                    return null;
                }
            }
        }
        StringBuilder expression = new StringBuilder();
        Set<String> columns = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        if (!render(schema, p, item.expr, expression, columns)) {
            return null;
        }
        columns.forEach(c -> tables.add(c.split("\\.")[0]));
        String base = p.fromTables.get(0);
        if (!tables.isEmpty() && !tables.contains(base)) {
            if (tables.size() == 1) {
                base = tables.iterator().next();
            } else {
                return null;
            }
        }
        List<String> filters = new ArrayList<>();
        Set<String> filterColumns = new LinkedHashSet<>();
        for (List<SqlToken> c : p.conjuncts) {
            if (isTimeConjunct(c)) {
                continue;
            }
            Set<String> refs = columnRefs(schema, p, c);
            if (refs.isEmpty() || refs.stream().anyMatch(p.groupColumns::contains)) {
                continue;
            }
            if (refs.stream().allMatch(r -> isJoinKey(schema, r)) && containsSymbol(c, "=")) {
                continue;
            }
            StringBuilder f = new StringBuilder();
            Set<String> fcols = new LinkedHashSet<>();
            if (!render(schema, p, c, f, fcols)) {
                return null;
            }
            filters.add(f.toString());
            filterColumns.addAll(fcols);
            columns.addAll(fcols);
            fcols.forEach(x -> tables.add(x.split("\\.")[0]));
        }
        if (filters.isEmpty() && trivial(item.expr)) {
            return null;
        }
        for (String t : tables) {
            if (schema.pathUp(base, t).isEmpty()) {
                return null;
            }
        }
        String timeTable = null;
        String timeColumn = null;
        if (p.timeColumn != null) {
            String[] tc = p.timeColumn.split("\\.");
            if (schema.pathUp(base, tc[0]).isPresent()) {
                timeTable = tc[0];
                timeColumn = tc[1];
            }
        }
        tables.add(base);
        return new Metric(
                item.alias,
                List.copyOf(stems),
                base,
                expression.toString(),
                List.copyOf(filters),
                Set.copyOf(tables),
                Set.copyOf(columns),
                Set.copyOf(filterColumns),
                timeTable,
                timeColumn,
                percent,
                question);
    }

    private static boolean isJoinKey(Schema schema, String ref) {
        return ref.endsWith("_id");
    }

    /** round(agg(col), n) or agg(col) with a single plain column: the generic planner already does these. */
    private static boolean trivial(List<SqlToken> expr) {
        List<SqlToken> e = expr;
        if (e.size() >= 4 && e.get(0).isWord("round") && e.get(1).isSymbol("(")) {
            int close = SqlTokens.closingParen(e, 1);
            if (close != e.size() - 1) {
                return false;
            }
            List<SqlToken> inner = e.subList(2, close);
            int comma = -1;
            boolean[] top = SqlTokens.topLevel(inner);
            for (int i = 0; i < inner.size(); i++) {
                if (top[i] && inner.get(i).isSymbol(",")) {
                    comma = i;
                }
            }
            e = comma < 0 ? inner : inner.subList(0, comma);
        }
        if (e.size() < 4
                || e.get(0).kind() != SqlToken.Kind.WORD
                || !AGGREGATES.contains(e.get(0).text().toLowerCase(Locale.ROOT))
                || !e.get(1).isSymbol("(")
                || !e.get(e.size() - 1).isSymbol(")")) {
            return false;
        }
        List<SqlToken> arg = e.subList(2, e.size() - 1);
        return arg.size() == 1 && (arg.get(0).isIdentifier() || arg.get(0).isSymbol("*"))
                || arg.size() == 3
                        && arg.get(0).isIdentifier()
                        && arg.get(1).isSymbol(".")
                        && arg.get(2).isIdentifier();
    }

    /** Renders tokens as SQL with every column as {table}.column; false when a reference cannot be resolved. */
    private static boolean render(
            Schema schema, Parsed p, List<SqlToken> expr, StringBuilder out, Set<String> columns) {
        for (int i = 0; i < expr.size(); i++) {
            SqlToken t = expr.get(i);
            SqlToken next = i + 1 < expr.size() ? expr.get(i + 1) : null;
            if (t.isIdentifier() && next != null && next.isSymbol(".") && i + 2 < expr.size()) {
                String ref = resolve(schema, p, t.identifier(), expr.get(i + 2).identifier());
                if (ref == null) {
                    return false;
                }
                String[] tc = ref.split("\\.");
                append(out, "{" + tc[0] + "}." + SqlWriter.ident(tc[1]));
                columns.add(ref);
                i += 2;
                continue;
            }
            String ref = refAt(schema, p, expr, i);
            if (ref != null) {
                String[] tc = ref.split("\\.");
                append(out, "{" + tc[0] + "}." + SqlWriter.ident(tc[1]));
                columns.add(ref);
                continue;
            }
            if (t.isIdentifier() && (next == null || !next.isSymbol("(")) && t.kind() == SqlToken.Kind.QUOTED) {
                return false;
            }
            append(
                    out,
                    switch (t.kind()) {
                        case STRING -> SqlWriter.literal(t.text());
                        case QUOTED -> SqlWriter.ident(t.text());
                        default -> t.text();
                    });
        }
        return true;
    }

    private static void append(StringBuilder out, String piece) {
        if (out.length() > 0) {
            char last = out.charAt(out.length() - 1);
            boolean tight = last == '('
                    || last == '.'
                    || piece.equals(")")
                    || piece.equals(",")
                    || piece.equals("(") && Character.isLetterOrDigit(last)
                    || piece.equals("::")
                    || out.toString().endsWith("::");
            if (!tight) {
                out.append(' ');
            }
        }
        out.append(piece);
    }

    private static boolean hasAggregate(List<SqlToken> expr) {
        for (int i = 0; i + 1 < expr.size(); i++) {
            if (expr.get(i).kind() == SqlToken.Kind.WORD
                    && AGGREGATES.contains(expr.get(i).text().toLowerCase(Locale.ROOT))
                    && expr.get(i + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(List<SqlToken> toks, String word) {
        return toks.stream().anyMatch(t -> t.isWord(word));
    }

    private static boolean containsSymbol(List<SqlToken> toks, String s) {
        return toks.stream().anyMatch(t -> t.isSymbol(s));
    }
}
