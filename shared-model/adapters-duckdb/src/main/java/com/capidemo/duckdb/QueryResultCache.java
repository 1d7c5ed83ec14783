package com.capidemo.duckdb;

import com.capidemo.core.port.QueryResult;
import com.capidemo.core.sql.SqlLexer;
import com.capidemo.core.sql.SqlSyntaxException;
import com.capidemo.core.sql.SqlToken;
import com.capidemo.core.sql.TableReferences;
import com.capidemo.core.sql.TableReferences.TableRef;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Results of read-only queries kept while the parquet files they read are the same files, the local counterpart of
 * BigQuery's cached query results. A result is keyed by the SQL, the row cap and, for each table it reads, the
 * identity of that table's parquet parts (file key, size and modification time): demos made from one template share
 * their template's files as hard links, so the same golden question over any of them is answered once; a table
 * rewritten, appended to or replaced gets new files and so a new key.
 * <p>
 * Only what depends on nothing but those files is kept: one SELECT (or WITH) statement whose every table position
 * names a table of the dataset (or a WITH name or a subquery), with no function whose answer changes with time,
 * chance, settings, variables or the catalogue (which names the dataset's folder), and no file-reading function or
 * file literal. Anything else, and a failed query, is run and not kept.
 */
final class QueryResultCache {

    /** Default number of results kept; each holds at most its row cap + 1 rows. */
    static final int DEFAULT_ENTRIES = 2_000;

    /** Functions whose answer does not follow from the tables alone. */
    private static final Set<String> VOLATILE = Set.of(
            "now",
            "today",
            "current_date",
            "current_time",
            "current_timestamp",
            "localtime",
            "localtimestamp",
            "get_current_time",
            "get_current_timestamp",
            "transaction_timestamp",
            "random",
            "setseed",
            "uuid",
            "gen_random_uuid",
            "uuidv4",
            "uuidv7",
            "current_setting",
            "getvariable",
            "getenv",
            "version",
            "current_database",
            "current_schema",
            "current_schemas",
            "current_catalog",
            "current_user",
            "user",
            "session_user",
            "current_query",
            "nextval",
            "currval",
            "txid_current",
            "tablesample",
            "sample",
            "pragma",
            "query",
            "query_table",
            "information_schema",
            "glob");
    /** Prefixes of catalogue, setting and file-reading functions. */
    private static final List<String> VOLATILE_PREFIXES =
            List.of("duckdb_", "pg_", "read_", "parquet_", "sniff_", "sqlite_");

    /** What a result depends on: the statement and each read table's files. */
    record Key(String sql, int maxRows, List<String> tables) {}

    private final AsyncCache<Key, QueryResult> results;
    private final LongAdder hits = new LongAdder();

    QueryResultCache(int entries) {
        this.results = entries > 0 ? Caffeine.newBuilder().maximumSize(entries).buildAsync() : null;
    }

    /**
     * The key of {@code sql} over the dataset in {@code dir} whose tables are {@code tables}, or empty when its answer
     * may depend on anything else (or nothing is kept).
     */
    Optional<Key> key(Path dir, List<String> tables, String sql, int maxRows) {
        if (results == null) {
            return Optional.empty();
        }
        List<SqlToken> toks;
        try {
            toks = SqlLexer.tokens(sql);
        } catch (SqlSyntaxException e) {
            return Optional.empty();
        }
        Optional<Set<String>> read = readTables(toks, tables);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<String> identities = new ArrayList<>();
        for (String table : read.get().stream().sorted().toList()) {
            Optional<String> files = files(dir.resolve(table));
            if (files.isEmpty()) {
                return Optional.empty();
            }
            identities.add(table + "=" + files.get());
        }
        return Optional.of(new Key(sql.strip(), maxRows, identities));
    }

    /** The kept result for {@code key}, or {@code run}'s, kept. */
    QueryResult get(Optional<Key> key, Supplier<QueryResult> run) {
        if (key.isEmpty()) {
            return run.get();
        }
        // One caller runs a missing result, outside any lock; others asking for it meanwhile wait for that run
        // instead of repeating it (and run it themselves if it fails).
        CompletableFuture<QueryResult> mine = new CompletableFuture<>();
        CompletableFuture<QueryResult> prior = results.asMap().putIfAbsent(key.get(), mine);
        if (prior != null) {
            try {
                QueryResult kept = prior.join();
                hits.increment();
                return kept;
            } catch (CompletionException | CancellationException e) {
                return run.get();
            }
        }
        try {
            QueryResult result = frozen(run.get());
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            results.asMap().remove(key.get(), mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static QueryResult frozen(QueryResult result) {
        List<List<Object>> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            rows.add(Collections.unmodifiableList(new ArrayList<>(row))); // values may be null
        }
        return new QueryResult(List.copyOf(result.columns()), Collections.unmodifiableList(rows), result.truncated());
    }

    /** Results answered from the cache so far. */
    long hits() {
        return hits.sum();
    }

    /** Whether {@code sql} is a statement that only reads (one SELECT or WITH); others taint a session. */
    static boolean onlyReads(String sql) {
        try {
            return plainRead(SqlLexer.tokens(sql));
        } catch (SqlSyntaxException e) {
            return false;
        }
    }

    private static boolean plainRead(List<SqlToken> toks) {
        return !toks.isEmpty()
                && (toks.get(0).isWord("SELECT") || toks.get(0).isWord("WITH"))
                && toks.stream().noneMatch(t -> t.isSymbol(";"));
    }

    /** The dataset tables the statement reads, or empty when it may read anything else. */
    private static Optional<Set<String>> readTables(List<SqlToken> toks, List<String> tables) {
        if (!plainRead(toks)
                || toks.stream()
                        .anyMatch(t -> t.kind() == SqlToken.Kind.WORD
                                && isVolatile(t.text().toLowerCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        Set<String> read = new HashSet<>();
        for (TableRef ref : TableReferences.find(toks)) {
            switch (ref.kind()) {
                case CTE, SUBQUERY -> {}
                case TABLE -> {
                    if (!tables.contains(ref.name())) {
                        return Optional.empty();
                    }
                    read.add(ref.name());
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(read);
    }

    private static boolean isVolatile(String word) {
        return VOLATILE.contains(word) || VOLATILE_PREFIXES.stream().anyMatch(word::startsWith);
    }

    /** The identity of a table folder's parquet parts: name, file key (inode), size and modification time of each. */
    private static Optional<String> files(Path tableDir) {
        List<String> parts = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(tableDir, "*.parquet")) {
            for (Path part : list) {
                BasicFileAttributes a = Files.readAttributes(part, BasicFileAttributes.class);
                Object identity = a.fileKey() != null ? a.fileKey() : part.toAbsolutePath();
                parts.add(part.getFileName() + ":" + identity + ":" + a.size() + ":" + a.lastModifiedTime());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        parts.sort(null);
        return Optional.of(String.join(",", parts));
    }
}
