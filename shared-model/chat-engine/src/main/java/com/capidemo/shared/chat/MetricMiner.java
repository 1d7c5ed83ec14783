package com.capidemo.shared.chat;

import com.capidemo.shared.domain.GoldenQuery;
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

    private static final Set<String> AGGREGATES = Words.set("count", "sum", "avg", "min", "max", "median", "count_if",
            "quantile_cont", "stddev", "mode");
    private static final Set<String> AGG_PREFIX = Words.set("avg", "averag", "total", "sum", "count", "num", "number",
            "min", "max", "median", "mean");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    /** What was learned from the golden queries. */
    record Learned(List<Metric> metrics, Map<String, List<String>> synonyms) {
    }

    private MetricMiner() {
    }

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
                    if (item.plainColumn != null && !item.alias.equals(item.plainColumn.split("\\.")[1])) {
                        synonyms.computeIfAbsent(item.plainColumn, k -> new ArrayList<>()).add(item.alias);
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
        List<SqlLexer.Tok> expr;
        String alias;
        String plainColumn;
    }

    private static final class Parsed {
        Map<String, String> aliases = new LinkedHashMap<>();
        List<String> fromTables = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<List<SqlLexer.Tok>> conjuncts = new ArrayList<>();
        Set<String> groupColumns = new HashSet<>();
        String timeColumn;
    }

    private static Parsed parse(Schema schema, String sql) {
        List<SqlLexer.Tok> toks = SqlLexer.lex(sql.strip().replaceAll(";\\s*$", ""));
        if (toks.isEmpty() || !toks.get(0).isWord("SELECT")) {
            return null;
        }
        // clause boundaries at depth 0
        Map<String, Integer> clause = new LinkedHashMap<>();
        boolean[] top = topLevel(toks);
        for (int i = 0; i < toks.size(); i++) {
            SqlLexer.Tok t = toks.get(i);
            if (top[i] && t.kind() == SqlLexer.Kind.WORD) {
                String u = t.upper();
                if (u.equals("UNION") || u.equals("EXCEPT") || u.equals("INTERSECT") || u.equals("WINDOW")) {
                    return null;
                }
                if (List.of("FROM", "WHERE", "GROUP", "HAVING", "QUALIFY", "ORDER", "LIMIT").contains(u) && !clause.containsKey(u)) {
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
        if (!parseFrom(schema, toks.subList(fromStart, fromEnd), p)) {
            return null;
        }
        for (List<SqlLexer.Tok> part : splitTop(toks.subList(1, clause.get("FROM")), ",")) {
            if (part.size() < 3 || !part.get(part.size() - 2).isWord("AS") || !part.get(part.size() - 1).isIdentifier()) {
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
            List<SqlLexer.Tok> where = toks.subList(clause.get("WHERE") + 1, next(clause, "WHERE", toks.size()));
            if (hasTopLevel(where, "OR")) {
                return null;
            }
            p.conjuncts.addAll(splitTopWord(where, "AND"));
        }
        if (clause.containsKey("GROUP")) {
            List<SqlLexer.Tok> group = toks.subList(clause.get("GROUP") + 2, next(clause, "GROUP", toks.size()));
            for (List<SqlLexer.Tok> g : splitTop(group, ",")) {
                List<SqlLexer.Tok> expr = g;
                if (g.size() == 1 && g.get(0).kind() == SqlLexer.Kind.NUMBER) {
                    int idx = Integer.parseInt(g.get(0).text()) - 1;
                    List<List<SqlLexer.Tok>> items = splitTop(toks.subList(1, clause.get("FROM")), ",");
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
                    if (item.expr.equals(expr) || expr.size() == 1 && expr.get(0).isIdentifier()
                            && expr.get(0).identifier().equalsIgnoreCase(item.alias)) {
                        for (String c : columnRefs(schema, p, item.expr)) {
                            p.groupColumns.add(c);
                        }
                    }
                }
            }
        }
        for (List<SqlLexer.Tok> c : p.conjuncts) {
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

    private static boolean parseFrom(Schema schema, List<SqlLexer.Tok> from, Parsed p) {
        int i = 0;
        boolean expectTable = true;
        while (i < from.size()) {
            SqlLexer.Tok t = from.get(i);
            if (expectTable) {
                if (!t.isIdentifier() || schema.table(t.identifier()).isEmpty()) {
                    return false;
                }
                String table = t.identifier();
                String alias = table;
                i++;
                if (i < from.size() && from.get(i).isWord("AS")) {
                    i++;
                }
                if (i < from.size() && from.get(i).isIdentifier() && !isJoinWord(from.get(i)) && !from.get(i).isWord("ON")
                        && !from.get(i).isWord("USING")) {
                    alias = from.get(i).identifier();
                    i++;
                }
                p.aliases.put(alias.toLowerCase(Locale.ROOT), table);
                p.fromTables.add(table);
                expectTable = false;
            } else if (t.isWord("JOIN")) {
                expectTable = true;
                i++;
            } else if (t.isSymbol("(")) {
                // ON/USING expression parentheses: skip to the matching one
                int d = 0;
                for (; i < from.size(); i++) {
                    if (from.get(i).isSymbol("(")) {
                        d++;
                    } else if (from.get(i).isSymbol(")") && --d == 0) {
                        break;
                    }
                }
                i++;
            } else if (t.isSymbol(",")) {
                return false;
            } else {
                i++;
            }
        }
        return !p.fromTables.isEmpty();
    }

    private static boolean isJoinWord(SqlLexer.Tok t) {
        return t.kind() == SqlLexer.Kind.WORD && Set.of("JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "FULL", "CROSS",
                "NATURAL", "SEMI", "ANTI", "WHERE", "GROUP", "ORDER", "LIMIT").contains(t.upper());
    }

    private static String plainColumn(Schema schema, Parsed p, List<SqlLexer.Tok> expr) {
        if (expr.size() == 1 && expr.get(0).isIdentifier()) {
            return resolve(schema, p, null, expr.get(0).identifier());
        }
        if (expr.size() == 3 && expr.get(0).isIdentifier() && expr.get(1).isSymbol(".") && expr.get(2).isIdentifier()) {
            return resolve(schema, p, expr.get(0).identifier(), expr.get(2).identifier());
        }
        return null;
    }

    /** table.column for a reference (alias may be null for a bare column); null when it is not a column. */
    private static String resolve(Schema schema, Parsed p, String alias, String column) {
        String col = column.toLowerCase(Locale.ROOT);
        if (alias != null) {
            String table = p.aliases.get(alias.toLowerCase(Locale.ROOT));
            return table != null && schema.table(table).flatMap(t -> t.column(col)).isPresent() ? table + "." + col : null;
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

    private static Set<String> columnRefs(Schema schema, Parsed p, List<SqlLexer.Tok> expr) {
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
    private static String refAt(Schema schema, Parsed p, List<SqlLexer.Tok> expr, int i) {
        SqlLexer.Tok t = expr.get(i);
        if (!t.isIdentifier()) {
            return null;
        }
        SqlLexer.Tok prev = i > 0 ? expr.get(i - 1) : null;
        SqlLexer.Tok next = i + 1 < expr.size() ? expr.get(i + 1) : null;
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
        if (prev != null && prev.kind() == SqlLexer.Kind.NUMBER && i >= 2 && expr.get(i - 2).isWord("INTERVAL")) {
            return null;
        }
        return resolve(schema, p, null, t.identifier());
    }

    private static boolean isTimeConjunct(List<SqlLexer.Tok> c) {
        for (int i = 0; i < c.size(); i++) {
            SqlLexer.Tok t = c.get(i);
            if (t.kind() == SqlLexer.Kind.STRING && ISO_DATE.matcher(t.text()).matches()) {
                return true;
            }
            if ((t.isWord("year") || t.isWord("date_trunc") || t.isWord("month") || t.isWord("quarter"))
                    && i + 1 < c.size() && c.get(i + 1).isSymbol("(")) {
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
        for (List<SqlLexer.Tok> c : p.conjuncts) {
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
        return new Metric(item.alias, List.copyOf(stems), base, expression.toString(), List.copyOf(filters), Set.copyOf(tables),
                Set.copyOf(columns), Set.copyOf(filterColumns), timeTable, timeColumn, percent, question);
    }

    private static boolean isJoinKey(Schema schema, String ref) {
        return ref.endsWith("_id");
    }

    /** round(agg(col), n) or agg(col) with a single plain column: the generic planner already does these. */
    private static boolean trivial(List<SqlLexer.Tok> expr) {
        List<SqlLexer.Tok> e = expr;
        if (e.size() >= 4 && e.get(0).isWord("round") && e.get(1).isSymbol("(")) {
            int depth = 0;
            int close = -1;
            for (int i = 1; i < e.size(); i++) {
                if (e.get(i).isSymbol("(")) {
                    depth++;
                } else if (e.get(i).isSymbol(")") && --depth == 0) {
                    close = i;
                    break;
                }
            }
            if (close != e.size() - 1) {
                return false;
            }
            List<SqlLexer.Tok> inner = e.subList(2, close);
            int comma = -1;
            boolean[] top = topLevel(inner);
            for (int i = 0; i < inner.size(); i++) {
                if (top[i] && inner.get(i).isSymbol(",")) {
                    comma = i;
                }
            }
            e = comma < 0 ? inner : inner.subList(0, comma);
        }
        if (e.size() < 4 || e.get(0).kind() != SqlLexer.Kind.WORD || !AGGREGATES.contains(e.get(0).text().toLowerCase(Locale.ROOT))
                || !e.get(1).isSymbol("(") || !e.get(e.size() - 1).isSymbol(")")) {
            return false;
        }
        List<SqlLexer.Tok> arg = e.subList(2, e.size() - 1);
        return arg.size() == 1 && (arg.get(0).isIdentifier() || arg.get(0).isSymbol("*"))
                || arg.size() == 3 && arg.get(0).isIdentifier() && arg.get(1).isSymbol(".") && arg.get(2).isIdentifier();
    }

    /** Renders tokens as SQL with every column as {table}.column; false when a reference cannot be resolved. */
    private static boolean render(Schema schema, Parsed p, List<SqlLexer.Tok> expr, StringBuilder out, Set<String> columns) {
        for (int i = 0; i < expr.size(); i++) {
            SqlLexer.Tok t = expr.get(i);
            SqlLexer.Tok next = i + 1 < expr.size() ? expr.get(i + 1) : null;
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
            if (t.isIdentifier() && (next == null || !next.isSymbol("(")) && t.kind() == SqlLexer.Kind.QUOTED) {
                return false;
            }
            append(out, switch (t.kind()) {
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
            boolean tight = last == '(' || last == '.' || piece.equals(")") || piece.equals(",") || piece.equals("(")
                    && Character.isLetterOrDigit(last) || piece.equals("::") || out.toString().endsWith("::");
            if (!tight) {
                out.append(' ');
            }
        }
        out.append(piece);
    }

    private static boolean hasAggregate(List<SqlLexer.Tok> expr) {
        for (int i = 0; i + 1 < expr.size(); i++) {
            if (expr.get(i).kind() == SqlLexer.Kind.WORD && AGGREGATES.contains(expr.get(i).text().toLowerCase(Locale.ROOT))
                    && expr.get(i + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(List<SqlLexer.Tok> toks, String word) {
        return toks.stream().anyMatch(t -> t.isWord(word));
    }

    private static boolean containsSymbol(List<SqlLexer.Tok> toks, String s) {
        return toks.stream().anyMatch(t -> t.isSymbol(s));
    }

    /** For each token: true when it is outside every parenthesis and is not a parenthesis itself. */
    private static boolean[] topLevel(List<SqlLexer.Tok> toks) {
        boolean[] top = new boolean[toks.size()];
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            SqlLexer.Tok t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else {
                top[i] = depth == 0;
            }
        }
        return top;
    }

    private static boolean hasTopLevel(List<SqlLexer.Tok> toks, String word) {
        boolean[] top = topLevel(toks);
        for (int i = 0; i < toks.size(); i++) {
            if (top[i] && toks.get(i).isWord(word)) {
                return true;
            }
        }
        return false;
    }

    static List<List<SqlLexer.Tok>> splitTop(List<SqlLexer.Tok> toks, String symbol) {
        List<List<SqlLexer.Tok>> out = new ArrayList<>();
        boolean[] top = topLevel(toks);
        int start = 0;
        for (int i = 0; i < toks.size(); i++) {
            if (top[i] && toks.get(i).isSymbol(symbol)) {
                out.add(toks.subList(start, i));
                start = i + 1;
            }
        }
        out.add(toks.subList(start, toks.size()));
        return out;
    }

    /** Splits on a top-level keyword (AND), keeping BETWEEN … AND … together. */
    private static List<List<SqlLexer.Tok>> splitTopWord(List<SqlLexer.Tok> toks, String word) {
        List<List<SqlLexer.Tok>> out = new ArrayList<>();
        boolean[] top = topLevel(toks);
        int start = 0;
        boolean between = false;
        for (int i = 0; i < toks.size(); i++) {
            SqlLexer.Tok t = toks.get(i);
            if (top[i] && t.isWord("BETWEEN")) {
                between = true;
            } else if (top[i] && t.isWord(word)) {
                if (between) {
                    between = false;
                    continue;
                }
                out.add(toks.subList(start, i));
                start = i + 1;
            }
        }
        out.add(toks.subList(start, toks.size()));
        return out;
    }
}
