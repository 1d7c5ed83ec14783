package com.capidemo.shared.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Admits only a single read-only query over the demo's own tables. Rejects: more than one statement, anything not
 * starting with SELECT or WITH, data or schema changes and engine commands (INSERT … PRAGMA, COPY, ATTACH, INSTALL,
 * LOAD, SET …), file/URL/catalog table functions (read_csv, read_parquet, glob, duckdb_settings …), string literals
 * used as tables ({@code FROM '/etc/passwd'}), qualified names that reach another schema or catalog, and any table
 * that is neither one of the dataset's tables nor a name defined in the query's WITH clause. The warehouse enforces
 * the same boundary again (no external access, locked configuration, row and time limits).
 */
public final class SqlGuard {

    /** Why a query was refused. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }

    static final int MAX_LENGTH = 20_000;

    private static final Set<String> FORBIDDEN_WORDS = Words.set(
            "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE", "COPY", "ATTACH",
            "DETACH", "INSTALL", "LOAD", "PRAGMA", "SET", "RESET", "CALL", "EXPORT", "IMPORT", "CHECKPOINT", "VACUUM",
            "USE", "BEGIN", "COMMIT", "ROLLBACK", "ABORT", "TRANSACTION", "GRANT", "REVOKE", "EXECUTE", "PREPARE",
            "DEALLOCATE", "DESCRIBE", "SHOW", "SUMMARIZE", "EXPLAIN", "INTO", "RETURNING", "ANALYZE", "LISTEN",
            "NOTIFY", "UPDATE_EXTENSIONS");

    private static final Set<String> FORBIDDEN_FUNCTIONS = Words.set(
            "glob", "query", "query_table", "getenv", "sniff_csv", "load_extension", "json_execute_serialized_sql",
            "current_setting", "read_text", "read_blob", "iceberg_metadata", "iceberg_snapshots", "which_secret",
            "enable_profiling", "checkpoint", "force_checkpoint", "import_database", "export_database", "sql_auto_complete",
            "summary", "test_all_types", "repeat_row");

    private static final List<String> FORBIDDEN_PREFIXES = List.of(
            "read_", "duckdb_", "pragma_", "parquet_", "sqlite_", "postgres_", "mysql_", "iceberg_", "delta_",
            "http", "s3", "gcs", "azure", "arrow_", "excel", "st_read", "csv_", "json_read", "ducklake", "system");

    private static final Set<String> FORBIDDEN_NAMES = Words.set(
            "information_schema", "pg_catalog", "main", "system", "temp", "memory", "sqlite_master", "sqlite_schema",
            "pg_tables", "pg_class", "pg_namespace");

    /** Table functions that only generate values (numbers, dates, list elements) and touch no file. */
    private static final Set<String> GENERATORS = Words.set("range", "generate_series", "unnest");

    private static final Set<String> CLAUSE_END = Words.set(
            "WHERE", "GROUP", "HAVING", "QUALIFY", "WINDOW", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT",
            "SELECT", "FETCH");

    private final Set<String> tables;

    /** @param tables the dataset's tables: the only tables a query may read */
    public SqlGuard(Set<String> tables) {
        Set<String> lower = new HashSet<>();
        tables.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        this.tables = Set.copyOf(lower);
    }

    /**
     * @return the query without a trailing semicolon
     * @throws Rejected when the query is not a single read-only SELECT over the dataset's tables
     */
    public String check(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new Rejected("empty query");
        }
        if (sql.length() > MAX_LENGTH) {
            throw new Rejected("query longer than " + MAX_LENGTH + " characters");
        }
        String body = sql.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        List<SqlLexer.Tok> toks;
        try {
            toks = SqlLexer.lex(body);
        } catch (SqlLexer.LexException e) {
            throw new Rejected(e.getMessage());
        }
        if (toks.isEmpty()) {
            throw new Rejected("empty query");
        }
        SqlLexer.Tok first = toks.get(0);
        if (!first.isWord("SELECT") && !first.isWord("WITH")) {
            throw new Rejected("only SELECT queries are allowed");
        }
        Set<String> cteNames = cteNames(toks);
        // One frame per parenthesis level: is it a query (SELECT/WITH/FROM inside) or an expression, and are we
        // inside its FROM clause? FROM inside an expression (EXTRACT(year FROM x), trim(… FROM …)) is not a table.
        Deque<boolean[]> frames = new ArrayDeque<>();
        boolean[] frame = {true, false};
        boolean expectTable = false;
        for (int i = 0; i < toks.size(); i++) {
            SqlLexer.Tok t = toks.get(i);
            SqlLexer.Tok next = i + 1 < toks.size() ? toks.get(i + 1) : null;
            SqlLexer.Tok prev = i > 0 ? toks.get(i - 1) : null;
            switch (t.kind()) {
                case SYMBOL -> {
                    if (t.isSymbol(";")) {
                        throw new Rejected("only one statement is allowed");
                    }
                    if (t.text().contains("$") || t.isSymbol("?") || t.isSymbol("\\")) {
                        throw new Rejected("unsupported character '" + t.text() + "'");
                    }
                    if (t.isSymbol("(")) {
                        frames.push(frame);
                        boolean query = next != null && (next.isWord("SELECT") || next.isWord("WITH") || next.isWord("FROM"));
                        frame = new boolean[] {query, false};
                        expectTable = false;
                    } else if (t.isSymbol(")")) {
                        if (frames.isEmpty()) {
                            throw new Rejected("unbalanced parentheses");
                        }
                        frame = frames.pop();
                        expectTable = false;
                    } else if (t.isSymbol(",") && frame[1]) {
                        expectTable = true;
                    }
                }
                case STRING -> {
                    if (expectTable) {
                        throw new Rejected("files and URLs cannot be queried");
                    }
                }
                case WORD, QUOTED -> {
                    String upper = t.upper();
                    String lower = t.identifier().toLowerCase(Locale.ROOT);
                    boolean word = t.kind() == SqlLexer.Kind.WORD;
                    if (word) {
                        if (t.text().contains("$")) {
                            throw new Rejected("unsupported identifier " + t.text());
                        }
                        boolean member = prev != null && (prev.isSymbol(".") || prev.isSymbol("::"));
                        if (FORBIDDEN_WORDS.contains(upper) && !member) {
                            throw new Rejected(upper + " is not allowed: only read-only queries run here");
                        }
                    }
                    if (next != null && next.isSymbol("(")) {
                        checkFunction(lower);
                    }
                    if (FORBIDDEN_NAMES.contains(lower) && (next != null && next.isSymbol(".") || expectTable)
                            || lower.equals("information_schema") || lower.equals("pg_catalog")) {
                        throw new Rejected("other schemas and catalogs cannot be queried");
                    }
                    if (next != null && next.isSymbol(".") && i + 3 < toks.size() && toks.get(i + 3).isSymbol(".")
                            && toks.get(i + 2).isIdentifier()) {
                        throw new Rejected("three-part names are not allowed");
                    }
                    if (word && frame[0] && (upper.equals("FROM") || upper.equals("JOIN"))) {
                        frame[1] = true;
                        expectTable = true;
                        continue;
                    }
                    if (word && frame[1] && CLAUSE_END.contains(upper)) {
                        frame[1] = false;
                        expectTable = false;
                        continue;
                    }
                    if (expectTable) {
                        if (word && upper.equals("LATERAL")) {
                            continue;
                        }
                        if (next != null && next.isSymbol("(")) {
                            if (!GENERATORS.contains(lower)) {
                                throw new Rejected("table functions are not allowed: " + lower);
                            }
                            expectTable = false;
                            continue;
                        }
                        if (next != null && next.isSymbol(".")) {
                            throw new Rejected("qualified table names are not allowed: " + lower);
                        }
                        if (!tables.contains(lower) && !cteNames.contains(lower)) {
                            throw new Rejected("unknown table " + t.text());
                        }
                        expectTable = false;
                    }
                }
                case NUMBER -> {
                    if (expectTable) {
                        throw new Rejected("unexpected number in FROM");
                    }
                }
                default -> {
                }
            }
        }
        if (!frames.isEmpty()) {
            throw new Rejected("unbalanced parentheses");
        }
        return body;
    }

    private static void checkFunction(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (FORBIDDEN_FUNCTIONS.contains(n) || n.endsWith("_scan") || FORBIDDEN_PREFIXES.stream().anyMatch(n::startsWith)) {
            throw new Rejected("function " + name + " is not allowed");
        }
    }

    /** Names defined by WITH name AS (...) and , name AS (...) at the top of the query. */
    private static Set<String> cteNames(List<SqlLexer.Tok> toks) {
        Set<String> names = new HashSet<>();
        if (toks.isEmpty() || !toks.get(0).isWord("WITH")) {
            return names;
        }
        int depth = 0;
        for (int i = 1; i < toks.size(); i++) {
            SqlLexer.Tok t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isWord("SELECT")) {
                break;
            } else if (depth == 0 && t.isIdentifier() && !t.isWord("RECURSIVE") && i + 1 < toks.size()
                    && (toks.get(i + 1).isWord("AS") || toks.get(i + 1).isSymbol("("))
                    && (toks.get(i - 1).isWord("WITH") || toks.get(i - 1).isSymbol(",")
                        || toks.get(i - 1).isWord("RECURSIVE"))) {
                names.add(t.identifier().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
