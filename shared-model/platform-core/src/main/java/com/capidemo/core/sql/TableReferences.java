package com.capidemo.core.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What stands where a query reads a table: after FROM and JOIN and between the commas of a FROM list, in the query
 * and every subquery. FROM inside an expression ({@code EXTRACT(year FROM x)}, {@code TRIM(' ' FROM x)}) is not a
 * table; names defined by a WITH clause are told apart within the scope that defines them. A light scan over
 * {@link SqlLexer}'s tokens, not a parser; callers decide what each kind of reference means to them.
 */
public final class TableReferences {

    /**
     * One thing in a table position.
     *
     * @param kind   what stands there
     * @param name   lower case: the table or CTE name, the dotted name, the function name; the literal's value
     * @param alias  the identifier naming it in the query ({@code FROM orders o}), for tables and CTEs
     * @param index  the token it starts at
     * @param depth  how many parentheses it is inside
     * @param listed whether it follows a comma of a FROM list rather than FROM or JOIN
     */
    public record TableRef(Kind kind, String name, Optional<String> alias, int index, int depth, boolean listed) {

        public enum Kind {
            /** A bare (or quoted) name that no WITH in scope defines. */
            TABLE,
            /** A name a WITH in scope defines. */
            CTE,
            /** {@code schema.table} or longer. */
            QUALIFIED,
            /** A table function: {@code range(...)}, {@code read_csv(...)}. */
            FUNCTION,
            /** A string literal ({@code FROM 'file.csv'}). */
            STRING,
            NUMBER,
            /** A parenthesis: a subquery, or a parenthesised join. */
            SUBQUERY
        }
    }

    /** Words that end a FROM clause. */
    private static final Set<String> CLAUSE_END = Set.of(
            "WHERE",
            "GROUP",
            "HAVING",
            "QUALIFY",
            "WINDOW",
            "ORDER",
            "LIMIT",
            "OFFSET",
            "UNION",
            "EXCEPT",
            "INTERSECT",
            "SELECT",
            "FETCH");
    /** Words after a table that are not its alias. */
    private static final Set<String> NOT_ALIAS = Set.of(
            "JOIN",
            "LEFT",
            "RIGHT",
            "INNER",
            "OUTER",
            "FULL",
            "CROSS",
            "NATURAL",
            "SEMI",
            "ANTI",
            "POSITIONAL",
            "ASOF",
            "ON",
            "USING",
            "WHERE",
            "GROUP",
            "HAVING",
            "QUALIFY",
            "WINDOW",
            "ORDER",
            "LIMIT",
            "OFFSET",
            "UNION",
            "EXCEPT",
            "INTERSECT",
            "SELECT",
            "FETCH",
            "TABLESAMPLE",
            "PIVOT",
            "UNPIVOT");

    private TableReferences() {}

    /** One level of parentheses: whether it holds a query, whether we are in its FROM clause, the CTEs in scope. */
    private static final class Frame {
        final boolean query;
        final Set<String> ctes;
        boolean inFrom;

        Frame(boolean query, Set<String> ctes) {
            this.query = query;
            this.ctes = ctes;
        }
    }

    /** Everything in a table position, in token order. */
    public static List<TableRef> find(List<SqlToken> toks) {
        List<TableRef> out = new ArrayList<>();
        Deque<Frame> frames = new ArrayDeque<>();
        Frame frame = new Frame(true, withNames(toks, 0, Set.of()));
        boolean expectTable = false;
        boolean listed = false;
        for (int i = 0; i < toks.size(); i++) {
            SqlToken t = toks.get(i);
            SqlToken next = i + 1 < toks.size() ? toks.get(i + 1) : null;
            switch (t.kind()) {
                case SYMBOL -> {
                    if (t.isSymbol("(")) {
                        if (expectTable) {
                            out.add(new TableRef(
                                    TableRef.Kind.SUBQUERY, "", Optional.empty(), i, frames.size(), listed));
                        }
                        frames.push(frame);
                        boolean query =
                                next != null && (next.isWord("SELECT") || next.isWord("WITH") || next.isWord("FROM"));
                        frame = new Frame(query, withNames(toks, i + 1, frame.ctes));
                        expectTable = false;
                    } else if (t.isSymbol(")")) {
                        if (!frames.isEmpty()) {
                            frame = frames.pop();
                        }
                        expectTable = false;
                    } else if (t.isSymbol(",") && frame.inFrom) {
                        expectTable = true;
                        listed = true;
                    }
                }
                case STRING, NUMBER -> {
                    if (expectTable) {
                        out.add(new TableRef(
                                t.kind() == SqlToken.Kind.STRING ? TableRef.Kind.STRING : TableRef.Kind.NUMBER,
                                t.text(),
                                Optional.empty(),
                                i,
                                frames.size(),
                                listed));
                        expectTable = false;
                    }
                }
                case WORD, QUOTED -> {
                    boolean word = t.kind() == SqlToken.Kind.WORD;
                    if (word && frame.query && (t.isWord("FROM") || t.isWord("JOIN"))) {
                        frame.inFrom = true;
                        expectTable = true;
                        listed = false;
                    } else if (word && frame.inFrom && CLAUSE_END.contains(t.upper())) {
                        frame.inFrom = false;
                        expectTable = false;
                    } else if (expectTable && !(word && t.isWord("LATERAL"))) {
                        out.add(reference(toks, i, frame, frames.size(), listed));
                        expectTable = false;
                    }
                }
                default -> {}
            }
        }
        return out;
    }

    private static TableRef reference(List<SqlToken> toks, int i, Frame frame, int depth, boolean listed) {
        SqlToken t = toks.get(i);
        String name = t.identifier().toLowerCase(Locale.ROOT);
        if (i + 1 < toks.size() && toks.get(i + 1).isSymbol("(")) {
            return new TableRef(TableRef.Kind.FUNCTION, name, Optional.empty(), i, depth, listed);
        }
        boolean qualified = i + 1 < toks.size() && toks.get(i + 1).isSymbol(".");
        int end = i + 1;
        StringBuilder dotted = new StringBuilder(name);
        while (end + 1 < toks.size()
                && toks.get(end).isSymbol(".")
                && toks.get(end + 1).isIdentifier()) {
            dotted.append('.').append(toks.get(end + 1).identifier().toLowerCase(Locale.ROOT));
            end += 2;
        }
        TableRef.Kind kind = qualified
                ? TableRef.Kind.QUALIFIED
                : frame.ctes.contains(name) ? TableRef.Kind.CTE : TableRef.Kind.TABLE;
        if (end < toks.size() && toks.get(end).isWord("AS")) {
            end++;
        }
        Optional<String> alias = Optional.empty();
        if (end < toks.size()
                && toks.get(end).isIdentifier()
                && !(toks.get(end).kind() == SqlToken.Kind.WORD
                        && NOT_ALIAS.contains(toks.get(end).upper()))) {
            alias = Optional.of(toks.get(end).identifier());
        }
        return new TableRef(kind, dotted.toString(), alias, i, depth, listed);
    }

    /**
     * Names defined by the WITH clause starting at {@code from} ({@code WITH a AS (...), b (x, y) AS (...)}), added
     * to those already in scope.
     */
    private static Set<String> withNames(List<SqlToken> toks, int from, Set<String> inScope) {
        if (from >= toks.size() || !toks.get(from).isWord("WITH")) {
            return inScope;
        }
        Set<String> names = new HashSet<>(inScope);
        int depth = 0;
        for (int i = from + 1; i < toks.size(); i++) {
            SqlToken t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                if (--depth < 0) {
                    break;
                }
            } else if (depth == 0 && t.isWord("SELECT")) {
                break;
            } else if (depth == 0
                    && t.isIdentifier()
                    && !t.isWord("RECURSIVE")
                    && i + 1 < toks.size()
                    && (toks.get(i + 1).isWord("AS") || toks.get(i + 1).isSymbol("("))
                    && (toks.get(i - 1).isWord("WITH")
                            || toks.get(i - 1).isSymbol(",")
                            || toks.get(i - 1).isWord("RECURSIVE"))) {
                names.add(t.identifier().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(names);
    }

    /**
     * The tables a query reads, lower case and in order: bare and qualified names in table positions, not table
     * functions, literals or the query's own WITH names.
     *
     * @throws SqlSyntaxException when the SQL cannot be split into tokens
     */
    public static Set<String> tables(String sql) {
        Set<String> out = new LinkedHashSet<>();
        for (TableRef r : find(SqlLexer.tokens(sql))) {
            if (r.kind() == TableRef.Kind.TABLE || r.kind() == TableRef.Kind.QUALIFIED) {
                out.add(r.name());
            }
        }
        return out;
    }

    /**
     * Which of {@code tables} the tokens name anywhere: as an identifier (also inside a dotted name) or as a whole
     * string literal ({@code pragma_table_info('orders')}). Generous on purpose, for a caller that must make every
     * table a query might read available.
     */
    public static List<String> named(List<SqlToken> toks, Collection<String> tables) {
        Set<String> names = new HashSet<>();
        for (SqlToken t : toks) {
            if (t.isIdentifier() || t.kind() == SqlToken.Kind.STRING) {
                names.add(t.text().toLowerCase(Locale.ROOT));
            }
        }
        return tables.stream()
                .filter(t -> names.contains(t.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** Whether the tokens read the catalogue: information_schema or a duckdb_* table function. */
    public static boolean readsCatalogue(List<SqlToken> toks) {
        for (SqlToken t : toks) {
            String name = t.isIdentifier() ? t.text().toLowerCase(Locale.ROOT) : "";
            if (name.equals("information_schema") || name.startsWith("duckdb_")) {
                return true;
            }
        }
        return false;
    }
}
