package com.capidemo.gcp;

import com.capidemo.core.sql.SqlLexer;
import com.capidemo.core.sql.SqlSyntaxException;
import com.capidemo.core.sql.SqlToken;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the DuckDB SQL we generate (golden queries, DQ checks, pipeline SQL) into GoogleSQL for BigQuery.
 *
 * <p>Token based, not a parser: the SQL is split into tokens that keep their leading whitespace and comments, and
 * parentheses are nested into groups; each group is rewritten inside out. Untouched text comes back byte for byte,
 * so GoogleSQL without DuckDB constructs is returned unchanged. Anything not recognised passes through and BigQuery
 * reports it, which the callers already handle. The tokens come from {@link SqlLexer}, which keeps each token's
 * leading whitespace and comments for this rewriter to reproduce.
 */
public final class BigQueryDialect {

    /** {@link SqlToken.Kind}'s kinds, and RAW. */
    private enum Kind {
        WORD,
        QUOTED,
        STRING,
        NUMBER,
        SYMBOL,
        RAW
    }

    private sealed interface Node permits Tok, Group {
        String lead();
    }

    /** A token as written ({@link SqlToken#source()}); RAW is GoogleSQL we generated, one operand to later rules. */
    private record Tok(String lead, Kind kind, String text) implements Node {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }
    }

    /** {@code ( items )}; closeLead is the trivia before the closing parenthesis. */
    private record Group(String lead, List<Node> items, String closeLead) implements Node {}

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("INTEGER", "INT64"),
            Map.entry("INT", "INT64"),
            Map.entry("INT4", "INT64"),
            Map.entry("INT8", "INT64"),
            Map.entry("BIGINT", "INT64"),
            Map.entry("SMALLINT", "INT64"),
            Map.entry("TINYINT", "INT64"),
            Map.entry("HUGEINT", "INT64"),
            Map.entry("UBIGINT", "INT64"),
            Map.entry("DOUBLE", "FLOAT64"),
            Map.entry("REAL", "FLOAT64"),
            Map.entry("FLOAT", "FLOAT64"),
            Map.entry("FLOAT4", "FLOAT64"),
            Map.entry("FLOAT8", "FLOAT64"),
            Map.entry("VARCHAR", "STRING"),
            Map.entry("TEXT", "STRING"),
            Map.entry("CHAR", "STRING"),
            Map.entry("BOOLEAN", "BOOL"),
            Map.entry("TIMESTAMPTZ", "TIMESTAMP"),
            Map.entry("BLOB", "BYTES"));
    /** DuckDB part functions; dayofweek is 0 (Sunday)..6 in DuckDB but 1..7 in GoogleSQL, hence the shift. */
    private static final Map<String, String> PARTS = Map.of(
            "year",
            "EXTRACT(YEAR FROM %s)",
            "month",
            "EXTRACT(MONTH FROM %s)",
            "day",
            "EXTRACT(DAY FROM %s)",
            "dayofmonth",
            "EXTRACT(DAY FROM %s)",
            "quarter",
            "EXTRACT(QUARTER FROM %s)",
            "hour",
            "EXTRACT(HOUR FROM %s)",
            "minute",
            "EXTRACT(MINUTE FROM %s)",
            "dayofyear",
            "EXTRACT(DAYOFYEAR FROM %s)",
            "dayofweek",
            "(EXTRACT(DAYOFWEEK FROM %s) - 1)"); // not week(x): GoogleSQL's WEEK(MONDAY) looks the same

    private static final Pattern FIXED_INTERVAL = Pattern.compile("INTERVAL (\\d+) (DAY|HOUR|MINUTE|SECOND)");
    private static final Set<String> SUB_DAY = Set.of("HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND");
    /** Words before a parenthesis that make it an expression, not a function call's arguments. */
    private static final Set<String> KEYWORDS = Set.of(
            "SELECT",
            "WHERE",
            "AND",
            "OR",
            "NOT",
            "IN",
            "ON",
            "WHEN",
            "THEN",
            "ELSE",
            "AS",
            "BY",
            "FROM",
            "JOIN",
            "HAVING",
            "QUALIFY",
            "IS",
            "LIKE",
            "CASE",
            "END",
            "EXISTS",
            "USING",
            "BETWEEN",
            "OVER",
            "FILTER",
            "WITH",
            "UNION",
            "ALL",
            "DISTINCT",
            "INTERVAL",
            "RETURN",
            "LIMIT");

    private BigQueryDialect() {}

    /** The GoogleSQL for a DuckDB query; SQL that cannot be split into tokens safely comes back unchanged. */
    public static String fromDuckDb(String sql) {
        if (sql == null || sql.isEmpty()) {
            return sql;
        }
        Group root = parse(sql);
        if (root == null) {
            return sql;
        }
        StringBuilder out = new StringBuilder();
        for (Node n : rewrite(root.items())) {
            render(n, out);
        }
        return out.append(root.closeLead()).toString();
    }

    // ---- rewriting, inside out: arguments first, then calls, casts, then keywords and clauses at this level

    private static List<Node> rewrite(List<Node> in) {
        List<Node> items = new ArrayList<>();
        for (Node n : in) {
            items.add(n instanceof Group g ? new Group(g.lead(), rewrite(g.items()), g.closeLead()) : n);
        }
        calls(items);
        casts(items);
        keywords(items);
        rangeFrames(items);
        qualify(items);
        return items;
    }

    private static void calls(List<Node> items) {
        for (int i = 0; i + 1 < items.size(); i++) {
            if (!(items.get(i) instanceof Tok name
                            && name.kind() == Kind.WORD
                            && items.get(i + 1) instanceof Group args)
                    || i > 0 && items.get(i - 1) instanceof Tok dot && dot.is(".")) {
                continue;
            }
            String fn = name.text().toLowerCase(Locale.ROOT);
            int end = i + 1;
            if (end + 2 < items.size()
                    && items.get(end + 1) instanceof Tok f
                    && f.is("FILTER")
                    && items.get(end + 2) instanceof Group where
                    && !where.items().isEmpty()
                    && where.items().get(0) instanceof Tok w
                    && w.is("WHERE")) {
                String cond = text(where.items().subList(1, where.items().size()));
                List<List<Node>> a = split(args.items());
                if (fn.equals("count") && a.size() == 1 && text(a.get(0)).equals("*")) {
                    items.subList(i, end + 3).clear();
                    items.add(i, raw(name.lead(), "COUNTIF(" + cond + ")"));
                    continue;
                }
                // agg(x) FILTER (WHERE c) is agg over the rows where c holds: NULL elsewhere, which aggregates skip.
                List<Node> first = a.get(0);
                boolean distinct = !first.isEmpty() && first.get(0) instanceof Tok d && d.is("DISTINCT");
                String x = text(distinct ? first.subList(1, first.size()) : first);
                StringBuilder newArgs = new StringBuilder(distinct ? "DISTINCT " : "")
                        .append("CASE WHEN ")
                        .append(cond)
                        .append(" THEN ")
                        .append(x)
                        .append(" END");
                for (List<Node> rest : a.subList(1, a.size())) {
                    newArgs.append(", ").append(text(rest));
                }
                args = (Group) parse("(" + newArgs + ")").items().get(0);
                items.subList(i + 1, end + 3).clear();
                items.add(i + 1, args);
            }
            String call = call(fn, split(args.items()), name.text());
            if (call != null) {
                items.subList(i, i + 2).clear();
                items.add(i, raw(name.lead(), call));
            } else if (fn.equals("range") || fn.equals("generate_series")) {
                series(items, i, fn.equals("range"));
            }
        }
    }

    /** The GoogleSQL for one DuckDB function call, or null to leave it. */
    private static String call(String fn, List<List<Node>> a, String original) {
        List<String> s = a.stream().map(BigQueryDialect::text).toList();
        String unit = a.size() > 1 ? unit(a.get(0)) : null;
        if (PARTS.containsKey(fn) && a.size() == 1 && !s.get(0).isEmpty()) {
            return PARTS.get(fn).formatted(s.get(0));
        }
        switch (fn) {
            case "cast", "try_cast" -> {
                int as = indexOf(a.size() == 1 ? a.get(0) : List.of(), "AS");
                List<Node> t =
                        as < 0 ? List.of() : a.get(0).subList(as + 1, a.get(0).size());
                return as < 0 || fn.equals("cast") && type(t).equals(text(t))
                        ? null // already GoogleSQL
                        : (fn.equals("cast") ? "CAST(" : "SAFE_CAST(")
                                + text(a.get(0).subList(0, as)) + " AS " + type(t) + ")";
            }
            case "date_trunc" -> {
                // DATE_TRUNC takes DATE, DATETIME and TIMESTAMP; DuckDB weeks start on Monday, hence ISOWEEK.
                return unit == null || a.size() != 2
                        ? null
                        : "DATE_TRUNC(" + s.get(1) + ", " + (unit.equals("WEEK") ? "ISOWEEK" : unit) + ")";
            }
            case "date_diff", "datediff" -> {
                // Sub-day parts only exist for timestamps; DATE_DIFF counts boundaries crossed, as DuckDB does.
                return unit == null || a.size() != 3
                        ? null
                        : (SUB_DAY.contains(unit) ? "TIMESTAMP_DIFF(" : "DATE_DIFF(") + s.get(2) + ", " + s.get(1)
                                + ", " + unit + ")";
            }
            case "median" -> {
                // Approximate: BigQuery has no exact median aggregate (PERCENTILE_CONT is analytic only).
                return a.size() == 1 ? "APPROX_QUANTILES(" + s.get(0) + ", 2)[OFFSET(1)]" : null;
            }
            case "quantile", "quantile_cont", "quantile_disc" -> {
                return a.size() == 2
                        ? "APPROX_QUANTILES(" + s.get(0) + ", 100)[OFFSET(" + percent(a.get(1)) + ")]"
                        : null;
            }
            case "mode" -> {
                // APPROX_TOP_COUNT counts NULL as a value, DuckDB's mode skips it: take the runner-up when NULL wins.
                String top = "APPROX_TOP_COUNT(" + s.get(0) + ", 2)";
                return a.size() == 1
                        ? "COALESCE(" + top + "[SAFE_OFFSET(0)].value, " + top + "[SAFE_OFFSET(1)].value)"
                        : null;
            }
            case "strftime" -> {
                return a.size() == 2 ? "FORMAT_TIMESTAMP(" + s.get(1) + ", " + s.get(0) + ")" : null;
            }
            case "epoch" -> {
                return a.size() == 1 ? "UNIX_SECONDS(" + s.get(0) + ")" : null;
            }
            case "to_days", "to_months", "to_years" -> {
                return a.size() == 1
                        ? "MAKE_INTERVAL(" + fn.substring(3, fn.length() - 1) + " => " + s.get(0) + ")"
                        : null;
            }
            case "regexp_matches" -> {
                return a.size() == 2 ? "REGEXP_CONTAINS(" + s.get(0) + ", " + s.get(1) + ")" : null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * {@code range(a, b[, step]) t(k)} (end excluded) and {@code generate_series} (end included) in FROM become
     * {@code UNNEST(GENERATE_ARRAY(...)) AS k}; date bounds use GENERATE_DATE_ARRAY, which also takes MONTH steps.
     */
    private static void series(List<Node> items, int i, boolean exclusive) {
        int alias = i + 2 < items.size() && items.get(i + 2) instanceof Tok as && as.is("AS") ? i + 3 : i + 2;
        if (alias + 1 >= items.size()
                || !(items.get(alias) instanceof Tok t && t.kind() == Kind.WORD)
                || !(items.get(alias + 1) instanceof Group cols && cols.items().size() == 1)) {
            return;
        }
        List<String> a = new ArrayList<>(split(((Group) items.get(i + 1)).items()).stream()
                .map(BigQueryDialect::text)
                .toList());
        boolean dates = a.get(0).toUpperCase(Locale.ROOT).matches("(DATE|TIMESTAMP) '.*|CAST\\(.* AS DATE\\)");
        if (a.size() == 1) {
            a.add(0, "0");
        }
        if (a.size() > 3 || dates && a.size() != 3) {
            return;
        }
        if (exclusive) {
            a.set(
                    1,
                    dates
                            ? "DATE_SUB(" + a.get(1) + ", INTERVAL 1 DAY)"
                            : a.get(1).matches("-?\\d+")
                                    ? String.valueOf(Long.parseLong(a.get(1)) - 1)
                                    : a.get(1) + " - 1");
        }
        String gen = (dates ? "UNNEST(GENERATE_DATE_ARRAY(" : "UNNEST(GENERATE_ARRAY(") + String.join(", ", a)
                + ")) AS " + text(cols.items());
        String lead = items.get(i).lead();
        items.subList(i, alias + 2).clear();
        items.add(i, raw(lead, gen));
    }

    /** {@code x::T} becomes {@code CAST(x AS T)}; the operand is a name, literal, call or parenthesised expression. */
    private static void casts(List<Node> items) {
        for (int i = 1; i + 1 < items.size(); i++) {
            if (!(items.get(i) instanceof Tok op
                    && op.is("::")
                    && items.get(i + 1) instanceof Tok t
                    && t.kind() == Kind.WORD)) {
                continue;
            }
            int start = operandStart(items, i);
            int end = i + 2 < items.size() && items.get(i + 2) instanceof Group ? i + 3 : i + 2;
            if (start < 0) {
                continue;
            }
            String operand = text(items.subList(start, i));
            String cast = "CAST(" + operand + " AS " + type(items.subList(i + 1, end)) + ")";
            String lead = items.get(start).lead();
            items.subList(start, end).clear();
            items.add(start, raw(lead, cast));
            i = start;
        }
    }

    private static void keywords(List<Node> items) {
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Tok tok)) {
                continue;
            }
            if (tok.is("INTERVAL") && i + 1 < items.size()) {
                interval(items, i);
            } else if (tok.is("ILIKE")) {
                boolean not = i > 0 && items.get(i - 1) instanceof Tok n && n.is("NOT");
                int start = operandStart(items, not ? i - 1 : i);
                int end = operandEnd(items, i + 1);
                if (start >= 0 && end > i + 1) {
                    String like = "LOWER(" + text(items.subList(start, not ? i - 1 : i)) + ")" + (not ? " NOT" : "")
                            + " LIKE LOWER(" + text(items.subList(i + 1, end)) + ")";
                    String lead = items.get(start).lead();
                    items.subList(start, end).clear();
                    items.add(start, raw(lead, like));
                    i = start;
                }
            } else if (tok.is("||")) {
                // GoogleSQL concatenates strings only; the date parts we turned into EXTRACT are INT64.
                stringify(items, i - 1);
                stringify(items, i + 1);
            }
        }
    }

    /** {@code INTERVAL '30 days'}, {@code INTERVAL '30' DAY} and {@code INTERVAL 30 DAYS} become INTERVAL 30 DAY. */
    private static void interval(List<Node> items, int i) {
        Tok tok = (Tok) items.get(i);
        Node next = items.get(i + 1);
        Tok unitTok = i + 2 < items.size() && items.get(i + 2) instanceof Tok u && u.kind() == Kind.WORD ? u : null;
        String[] parts = next instanceof Tok s && s.kind() == Kind.STRING
                ? unquote(s).trim().split("\\s+")
                : null;
        String count;
        String unit;
        int end;
        if (parts != null && parts.length == 2) {
            count = parts[0];
            unit = parts[1];
            end = i + 2;
        } else if (next instanceof Tok n
                && (n.kind() == Kind.NUMBER || parts != null && parts.length == 1)
                && unitTok != null) {
            count = n.kind() == Kind.NUMBER ? n.text() : parts[0];
            unit = unitTok.text();
            end = i + 3;
        } else {
            return;
        }
        String u = unit.toUpperCase(Locale.ROOT);
        u = u.endsWith("S") ? u.substring(0, u.length() - 1) : u;
        if (!count.matches("-?\\d+")
                || !Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND")
                        .contains(u)) {
            return;
        }
        String out = "INTERVAL " + count + " " + u;
        if (!out.equals(text(items.subList(i, end)).replaceAll("\\s+", " "))) {
            items.subList(i, end).clear();
            items.add(i, raw(tok.lead(), out));
        }
    }

    private static void stringify(List<Node> items, int i) {
        if (i >= 0
                && i < items.size()
                && items.get(i) instanceof Tok t
                && (t.kind() == Kind.NUMBER || t.kind() == Kind.RAW && t.text().matches("\\(?EXTRACT\\(.*"))) {
            items.set(i, raw(t.lead(), "CAST(" + t.text() + " AS STRING)"));
        }
    }

    /**
     * {@code ORDER BY ts RANGE BETWEEN INTERVAL 365 DAY PRECEDING ...}: BigQuery's RANGE frames need a numeric key,
     * so the key becomes microseconds since the epoch and the interval its length in microseconds (fixed-length
     * units only; months vary and are left alone).
     */
    private static void rangeFrames(List<Node> items) {
        int r = indexOf(items, "RANGE");
        int order = indexOf(items, "ORDER");
        if (r < 0
                || order < 0
                || order + 2 >= r
                || !(items.get(order + 1) instanceof Tok by && by.is("BY"))
                || indexOf(items.subList(order + 2, r), ",") >= 0) {
            return;
        }
        boolean changed = false;
        for (int j = r + 1; j < items.size(); j++) {
            int len = items.get(j) instanceof Tok t && t.kind() == Kind.RAW ? 1 : 3;
            if (j + len >= items.size()
                    || !(items.get(j + len) instanceof Tok bound)
                    || !(bound.is("PRECEDING") || bound.is("FOLLOWING"))) {
                continue;
            }
            Matcher m = FIXED_INTERVAL.matcher(
                    text(items.subList(j, j + len)).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
            if (m.matches()) {
                long unit = Map.of("DAY", 86_400L, "HOUR", 3_600L, "MINUTE", 60L, "SECOND", 1L)
                        .get(m.group(2));
                String lead = items.get(j).lead();
                items.subList(j, j + len).clear();
                items.add(j, raw(lead, String.valueOf(Long.parseLong(m.group(1)) * unit * 1_000_000L)));
                changed = true;
            }
        }
        if (changed) {
            String key = "UNIX_MICROS(CAST(" + text(items.subList(order + 2, r)) + " AS TIMESTAMP))";
            String lead = items.get(order + 2).lead();
            items.subList(order + 2, r).clear();
            items.add(order + 2, raw(lead, key));
        }
    }

    /** BigQuery only accepts QUALIFY with a WHERE, GROUP BY or HAVING in the same SELECT. */
    private static void qualify(List<Node> items) {
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Tok q && q.is("QUALIFY"))) {
                continue;
            }
            boolean clause = false;
            for (int j = i - 1; j >= 0 && !(items.get(j) instanceof Tok s && s.is("SELECT")); j--) {
                clause |= items.get(j) instanceof Tok t && (t.is("WHERE") || t.is("GROUP") || t.is("HAVING"));
            }
            if (!clause) {
                items.set(i, new Tok(" ", Kind.WORD, q.text()));
                items.add(i, raw(q.lead(), "WHERE TRUE"));
                i++;
            }
        }
    }

    // ---- operands and small helpers

    /** Index of the first node of the operand that ends just before {@code end}, or -1. */
    private static int operandStart(List<Node> items, int end) {
        int j = end - 1;
        if (j < 0) {
            return -1;
        }
        Node n = items.get(j);
        if (n instanceof Group) {
            String before = j > 0 && items.get(j - 1) instanceof Tok f && f.kind() == Kind.WORD
                    ? f.text().toUpperCase(Locale.ROOT)
                    : null;
            if ("OVER".equals(before) || "FILTER".equals(before)) {
                return -1; // a window or filter clause: the operand starts further back, leave it
            }
            return before != null && !KEYWORDS.contains(before) ? j - 1 : j;
        }
        Tok t = (Tok) n;
        switch (t.kind()) {
            case STRING -> {
                return j > 0
                                && items.get(j - 1) instanceof Tok p
                                && p.kind() == Kind.WORD
                                && Set.of("DATE", "TIMESTAMP", "TIME", "DATETIME")
                                        .contains(p.text().toUpperCase(Locale.ROOT))
                        ? j - 1
                        : j;
            }
            case NUMBER, RAW -> {
                return j;
            }
            case WORD, QUOTED -> {
                while (j >= 2
                        && items.get(j - 1) instanceof Tok d
                        && d.is(".")
                        && items.get(j - 2) instanceof Tok p
                        && (p.kind() == Kind.WORD || p.kind() == Kind.QUOTED)) {
                    j -= 2;
                }
                return j;
            }
            default -> {
                return -1;
            }
        }
    }

    /** Index just past the operand that starts at {@code start}, or {@code start} when there is none. */
    private static int operandEnd(List<Node> items, int start) {
        if (start >= items.size()) {
            return start;
        }
        Node n = items.get(start);
        if (n instanceof Group) {
            return start + 1;
        }
        Tok t = (Tok) n;
        if (t.kind() == Kind.WORD && start + 1 < items.size() && items.get(start + 1) instanceof Group) {
            return start + 2;
        }
        int j = start;
        while (j + 2 < items.size() && items.get(j + 1) instanceof Tok d && d.is(".")) {
            j += 2;
        }
        return t.kind() == Kind.SYMBOL ? start : j + 1;
    }

    /** A DuckDB type name (with its parameters) as a GoogleSQL type; DECIMAL keeps p and s, which round the value. */
    private static String type(List<Node> nodes) {
        if (nodes.isEmpty() || !(nodes.get(0) instanceof Tok t)) {
            return text(nodes);
        }
        String name = t.text().toUpperCase(Locale.ROOT);
        if (name.equals("DECIMAL") || name.equals("NUMERIC")) {
            if (nodes.size() == 2 && nodes.get(1) instanceof Group g) {
                List<List<Node>> ps = split(g.items());
                int p = Integer.parseInt(text(ps.get(0)));
                int s = ps.size() > 1 ? Integer.parseInt(text(ps.get(1))) : 0;
                return (s <= 9 && p - s <= 29 ? "NUMERIC(" : "BIGNUMERIC(") + p + ", " + s + ")";
            }
            return "NUMERIC";
        }
        String mapped = TYPES.get(name);
        // Parameters of the types we rename (VARCHAR(20)) mean nothing to BigQuery's STRING and INT64.
        return mapped != null ? mapped : text(nodes);
    }

    /** The unit of a {@code 'month'} literal argument, upper case and singular, or null when it is not a literal. */
    private static String unit(List<Node> arg) {
        if (arg.size() != 1 || !(arg.get(0) instanceof Tok t && t.kind() == Kind.STRING)) {
            return null;
        }
        String u = unquote(t).toUpperCase(Locale.ROOT);
        return u.endsWith("S") ? u.substring(0, u.length() - 1) : u;
    }

    /** q as a whole percentile for OFFSET: computed for literals, else left to BigQuery. */
    private static String percent(List<Node> q) {
        String s = text(q);
        try {
            return new BigDecimal(s)
                    .movePointRight(2)
                    .setScale(0, RoundingMode.HALF_UP)
                    .toPlainString();
        } catch (NumberFormatException e) {
            return "CAST(ROUND((" + s + ") * 100) AS INT64)";
        }
    }

    private static String unquote(Tok t) {
        return t.text().substring(1, t.text().length() - 1);
    }

    private static int indexOf(List<Node> nodes, String word) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof Tok t && t.is(word)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits a group's items on its top-level commas. */
    private static List<List<Node>> split(List<Node> items) {
        List<List<Node>> out = new ArrayList<>();
        List<Node> cur = new ArrayList<>();
        for (Node n : items) {
            if (n instanceof Tok t && t.is(",")) {
                out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(n);
            }
        }
        out.add(cur);
        return out;
    }

    private static Tok raw(String lead, String text) {
        return new Tok(lead, Kind.RAW, text);
    }

    /** The nodes as SQL without the first one's leading trivia. */
    private static String text(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (Node n : nodes) {
            render(n, out);
        }
        return out.substring(nodes.isEmpty() ? 0 : nodes.get(0).lead().length()).strip();
    }

    private static void render(Node n, StringBuilder out) {
        out.append(n.lead());
        if (n instanceof Tok t) {
            out.append(t.text());
        } else {
            Group g = (Group) n;
            out.append('(');
            g.items().forEach(c -> render(c, out));
            out.append(g.closeLead()).append(')');
        }
    }

    // ---- the tree: SqlLexer's tokens (each keeps its leading whitespace and comments), nested by parentheses

    /** The SQL as a root group, or null when it cannot be split safely (unterminated literal, unbalanced parens). */
    private static Group parse(String sql) {
        SqlLexer.Lexed lexed;
        try {
            lexed = SqlLexer.lex(sql);
        } catch (SqlSyntaxException e) {
            return null;
        }
        List<List<Node>> stack = new ArrayList<>();
        List<String> leads = new ArrayList<>();
        stack.add(new ArrayList<>());
        for (SqlToken t : lexed.tokens()) {
            if (t.isSymbol("(")) {
                stack.add(new ArrayList<>());
                leads.add(t.lead());
            } else if (t.isSymbol(")")) {
                if (stack.size() == 1) {
                    return null;
                }
                List<Node> items = stack.remove(stack.size() - 1);
                stack.get(stack.size() - 1).add(new Group(leads.remove(leads.size() - 1), items, t.lead()));
            } else {
                stack.get(stack.size() - 1)
                        .add(new Tok(t.lead(), Kind.valueOf(t.kind().name()), t.source()));
            }
        }
        return stack.size() == 1 ? new Group("", stack.get(0), lexed.trailing()) : null;
    }
}
