package com.capidemo.chat;

import com.capidemo.core.sql.SqlLexer;
import com.capidemo.core.sql.SqlSyntaxException;
import com.capidemo.core.sql.SqlToken;
import com.capidemo.core.sql.TableReferences;
import com.capidemo.core.sql.TableReferences.TableRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Admits only a single read-only query over the demo's own tables. Rejects: more than one statement, anything not
 * starting with SELECT or WITH, data or schema changes and engine commands (INSERT … PRAGMA, COPY, ATTACH, INSTALL,
 * LOAD, SET …), file/URL/catalog table functions (read_csv, read_parquet, glob, duckdb_settings …), string literals
 * used as tables ({@code FROM '/etc/passwd'}), qualified names that reach another schema or catalog, and any table
 * that is neither one of the dataset's tables nor a name a WITH clause in scope defines. The warehouse enforces
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
            "INSERT",
            "UPDATE",
            "DELETE",
            "MERGE",
            "UPSERT",
            "CREATE",
            "DROP",
            "ALTER",
            "TRUNCATE",
            "COPY",
            "ATTACH",
            "DETACH",
            "INSTALL",
            "LOAD",
            "PRAGMA",
            "SET",
            "RESET",
            "CALL",
            "EXPORT",
            "IMPORT",
            "CHECKPOINT",
            "VACUUM",
            "USE",
            "BEGIN",
            "COMMIT",
            "ROLLBACK",
            "ABORT",
            "TRANSACTION",
            "GRANT",
            "REVOKE",
            "EXECUTE",
            "PREPARE",
            "DEALLOCATE",
            "DESCRIBE",
            "SHOW",
            "SUMMARIZE",
            "EXPLAIN",
            "INTO",
            "RETURNING",
            "ANALYZE",
            "LISTEN",
            "NOTIFY",
            "UPDATE_EXTENSIONS");

    private static final Set<String> FORBIDDEN_FUNCTIONS = Words.set(
            "glob",
            "query",
            "query_table",
            "getenv",
            "sniff_csv",
            "load_extension",
            "json_execute_serialized_sql",
            "current_setting",
            "read_text",
            "read_blob",
            "iceberg_metadata",
            "iceberg_snapshots",
            "which_secret",
            "enable_profiling",
            "checkpoint",
            "force_checkpoint",
            "import_database",
            "export_database",
            "sql_auto_complete",
            "summary",
            "test_all_types",
            "repeat_row");

    private static final List<String> FORBIDDEN_PREFIXES = List.of(
            "read_",
            "duckdb_",
            "pragma_",
            "parquet_",
            "sqlite_",
            "postgres_",
            "mysql_",
            "iceberg_",
            "delta_",
            "http",
            "s3",
            "gcs",
            "azure",
            "arrow_",
            "excel",
            "st_read",
            "csv_",
            "json_read",
            "ducklake",
            "system");

    private static final Set<String> FORBIDDEN_NAMES = Words.set(
            "information_schema",
            "pg_catalog",
            "main",
            "system",
            "temp",
            "memory",
            "sqlite_master",
            "sqlite_schema",
            "pg_tables",
            "pg_class",
            "pg_namespace");

    /** Table functions that only generate values (numbers, dates, list elements) and touch no file. */
    private static final Set<String> GENERATORS = Words.set("range", "generate_series", "unnest");

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
        List<SqlToken> toks;
        try {
            toks = SqlLexer.tokens(body);
        } catch (SqlSyntaxException e) {
            throw new Rejected(e.getMessage());
        }
        if (toks.isEmpty()) {
            throw new Rejected("empty query");
        }
        SqlToken first = toks.get(0);
        if (!first.isWord("SELECT") && !first.isWord("WITH")) {
            throw new Rejected("only SELECT queries are allowed");
        }
        // What stands where a table is read; FROM inside an expression (EXTRACT(year FROM x)) is not a table.
        Map<Integer, TableRef> refs = new HashMap<>();
        TableReferences.find(toks).forEach(r -> refs.put(r.index(), r));
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            SqlToken t = toks.get(i);
            SqlToken next = i + 1 < toks.size() ? toks.get(i + 1) : null;
            SqlToken prev = i > 0 ? toks.get(i - 1) : null;
            TableRef ref = refs.get(i);
            switch (t.kind()) {
                case SYMBOL -> {
                    if (t.isSymbol(";")) {
                        throw new Rejected("only one statement is allowed");
                    }
                    if (t.text().contains("$") || t.isSymbol("?") || t.isSymbol("\\")) {
                        throw new Rejected("unsupported character '" + t.text() + "'");
                    }
                    if (t.isSymbol("(")) {
                        depth++;
                    } else if (t.isSymbol(")") && --depth < 0) {
                        throw new Rejected("unbalanced parentheses");
                    }
                }
                case STRING -> {
                    if (t.source().startsWith("$")) {
                        throw new Rejected("unsupported character '$'");
                    }
                    if (ref != null) {
                        throw new Rejected("files and URLs cannot be queried");
                    }
                }
                case WORD, QUOTED -> {
                    String upper = t.upper();
                    String lower = t.identifier().toLowerCase(Locale.ROOT);
                    if (t.kind() == SqlToken.Kind.WORD) {
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
                    if (FORBIDDEN_NAMES.contains(lower) && (next != null && next.isSymbol(".") || ref != null)
                            || lower.equals("information_schema")
                            || lower.equals("pg_catalog")) {
                        throw new Rejected("other schemas and catalogs cannot be queried");
                    }
                    if (next != null
                            && next.isSymbol(".")
                            && i + 3 < toks.size()
                            && toks.get(i + 3).isSymbol(".")
                            && toks.get(i + 2).isIdentifier()) {
                        throw new Rejected("three-part names are not allowed");
                    }
                    if (ref != null) {
                        checkTable(ref, t);
                    }
                }
                case NUMBER -> {
                    if (ref != null) {
                        throw new Rejected("unexpected number in FROM");
                    }
                }
                default -> {}
            }
        }
        if (depth != 0) {
            throw new Rejected("unbalanced parentheses");
        }
        return body;
    }

    /** What stands in a table position: a generator function, one of the dataset's tables, a WITH name, a subquery. */
    private void checkTable(TableRef ref, SqlToken t) {
        switch (ref.kind()) {
            case FUNCTION -> {
                if (!GENERATORS.contains(ref.name())) {
                    throw new Rejected("table functions are not allowed: " + ref.name());
                }
            }
            case QUALIFIED ->
                throw new Rejected("qualified table names are not allowed: "
                        + t.identifier().toLowerCase(Locale.ROOT));
            case TABLE -> {
                if (!tables.contains(ref.name())) {
                    throw new Rejected("unknown table " + t.text());
                }
            }
            default -> {}
        }
    }

    private static void checkFunction(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (FORBIDDEN_FUNCTIONS.contains(n)
                || n.endsWith("_scan")
                || FORBIDDEN_PREFIXES.stream().anyMatch(n::startsWith)) {
            throw new Rejected("function " + name + " is not allowed");
        }
    }
}
