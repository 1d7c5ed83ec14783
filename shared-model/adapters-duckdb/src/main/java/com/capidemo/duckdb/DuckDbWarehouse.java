package com.capidemo.duckdb;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.ColumnSpec;
import com.capidemo.core.port.InvalidQueryException;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.QuerySession;
import com.capidemo.core.port.QueryValidation;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.sql.SqlLexer;
import com.capidemo.core.sql.SqlSyntaxException;
import com.capidemo.core.sql.SqlToken;
import com.capidemo.core.sql.TableReferences;
import com.capidemo.local.LocalDatasetFolders;
import com.capidemo.local.LocalObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The local warehouse: a dataset is a folder under {@code {data-dir}/warehouse} ({@link LocalDatasetFolders}), a table is a folder
 * of parquet parts, and queries run in a throwaway in-memory DuckDB with one view per table. Loading
 * a template table hard-links its parquet file (falling back to a copy across file systems), which is
 * the local counterpart of BigQuery's zero-copy table clone.
 */
@Typed(DuckDbWarehouse.class)
@ApplicationScoped
public class DuckDbWarehouse implements Warehouse {

    private static final String DATA_FILE = "data.parquet";

    private final LocalDatasetFolders folders;
    private final LocalObjectStore objects;
    private final int queryTimeoutSeconds;
    private final QueryResultCache results;

    @Inject
    public DuckDbWarehouse(PlatformConfig config, LocalObjectStore objects, Clock clock) {
        this(Path.of(config.dataDir()).resolve("warehouse"), objects, clock);
    }

    public DuckDbWarehouse(Path root, LocalObjectStore objects, Clock clock) {
        this(root, objects, QUERY_TIMEOUT_SECONDS, QueryResultCache.DEFAULT_ENTRIES, clock);
    }

    /**
     * @param queryTimeoutSeconds longest a query may run before it is interrupted
     * @param resultCacheEntries  query results kept while the files they read are unchanged ({@link QueryResultCache});
     *                            0 runs every query
     * @param clock               the time datasets are stamped with
     */
    public DuckDbWarehouse(
            Path root, LocalObjectStore objects, int queryTimeoutSeconds, int resultCacheEntries, Clock clock) {
        this.folders = new LocalDatasetFolders(root, clock);
        this.objects = objects;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.results = new QueryResultCache(resultCacheEntries);
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DuckDB JDBC driver missing", e);
        }
    }

    private Path dataset(String datasetId) {
        return folders.folder(datasetId);
    }

    private static String checked(String name, String what) {
        return LocalDatasetFolders.checked(name, what);
    }

    @Override
    public boolean createDataset(String datasetId, Map<String, String> labels) {
        return folders.createDataset(datasetId, labels);
    }

    @Override
    public boolean datasetExists(String datasetId) {
        return folders.datasetExists(datasetId);
    }

    @Override
    public boolean dropDataset(String datasetId) {
        return folders.dropDataset(datasetId);
    }

    @Override
    public Optional<Instant> datasetCreatedAt(String datasetId) {
        return folders.datasetCreatedAt(datasetId);
    }

    @Override
    public List<String> listDatasets() {
        return folders.listDatasets();
    }

    @Override
    public List<String> listTables(String datasetId) {
        return subfolders(dataset(datasetId)).stream()
                .filter(t -> Files.isRegularFile(dataset(datasetId).resolve(t).resolve(DATA_FILE))
                        || hasParts(dataset(datasetId).resolve(t)))
                .toList();
    }

    private static List<String> subfolders(Path dir) {
        return LocalDatasetFolders.subfolders(dir);
    }

    private static boolean hasParts(Path tableDir) {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(tableDir, "*.parquet")) {
            return parts.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private Path sourceFile(ObjectRef source) {
        Path src = objects.path(source);
        if (!Files.isRegularFile(src)) {
            throw new IllegalStateException("source object missing: " + source);
        }
        return src;
    }

    @Override
    public void loadParquet(String datasetId, String table, ObjectRef source) {
        Path src = sourceFile(source);
        Path tableDir = dataset(datasetId).resolve(checked(table, "table"));
        try {
            link(src, tableDir, DATA_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hard-links every parquet part of the source table into the target dataset (a copy only where the two are on
     * different file systems) and removes parts the source does not have: the clone shares the bytes but not the
     * directory entries, so dropping the source leaves it whole. Parts already linked by an earlier attempt are kept.
     */
    @Override
    public void cloneTable(String sourceDatasetId, String table, String targetDatasetId) {
        Path sourceDir = dataset(sourceDatasetId).resolve(checked(table, "table"));
        Path targetDataset = dataset(targetDatasetId);
        if (!Files.isDirectory(targetDataset)) {
            throw new IllegalArgumentException("dataset not found: " + targetDatasetId);
        }
        List<Path> parts = parts(sourceDir);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("table not found: " + sourceDatasetId + "." + table);
        }
        Path targetDir = targetDataset.resolve(table);
        try {
            List<String> names = new ArrayList<>();
            for (Path part : parts) {
                names.add(part.getFileName().toString());
                link(part, targetDir, part.getFileName().toString());
            }
            for (Path stale : parts(targetDir)) {
                if (!names.contains(stale.getFileName().toString())) {
                    Files.deleteIfExists(stale);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parquet parts of a table folder, sorted; none when it does not exist. */
    private static List<Path> parts(Path tableDir) {
        if (!Files.isDirectory(tableDir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(tableDir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code tableDir/name} a hard link of {@code src} (a copy across file systems), atomically replacing what
     * was there; nothing to do when it already is one (an earlier attempt of a redelivered job made it).
     */
    private static void link(Path src, Path tableDir, String name) throws IOException {
        Path target = tableDir.resolve(name);
        if (Files.exists(target) && Files.isSameFile(target, src)) {
            return;
        }
        Files.createDirectories(tableDir);
        Path tmp = tableDir.resolve(".load-" + System.nanoTime() + ".tmp");
        try {
            Files.createLink(tmp, src);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // rename(2) onto a link to the same inode succeeds without removing the source.
        Files.deleteIfExists(tmp);
    }

    @Override
    public void loadCsv(String datasetId, String table, ObjectRef source) {
        Path src = sourceFile(source);
        Path tableDir = dataset(datasetId).resolve(checked(table, "table"));
        replaceTable(tableDir, tmp -> {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = c.createStatement()) {
                st.execute("COPY (SELECT * FROM read_csv('" + literal(src)
                        + "', header = true, auto_detect = true)) TO '" + literal(tmp) + "' (FORMAT PARQUET)");
            } catch (SQLException e) {
                throw new IllegalArgumentException(
                        "cannot load CSV " + source + " into " + datasetId + "." + table + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public long createTableAs(String datasetId, String table, String sql) {
        Path dir = dataset(datasetId);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("dataset not found: " + datasetId);
        }
        Path tableDir = dir.resolve(checked(table, "table"));
        replaceTable(tableDir, tmp -> {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = c.createStatement()) {
                createViews(st, dir, referencedTables(sql, listTables(datasetId)));
                st.execute(
                        "COPY (" + sql.strip().replaceAll(";+$", "") + ") TO '" + literal(tmp) + "' (FORMAT PARQUET)");
            } catch (SQLException e) {
                throw new IllegalArgumentException(
                        "query into " + datasetId + "." + table + " failed: " + e.getMessage(), e);
            }
        });
        return countRows(datasetId, table);
    }

    @Override
    public void appendRows(String datasetId, String table, String batchId, List<Map<String, Object>> rows) {
        Path tableDir = dataset(datasetId).resolve(checked(table, "table"));
        if (!hasParts(tableDir)) {
            throw new IllegalArgumentException("table not found: " + datasetId + "." + table);
        }
        Path target = tableDir.resolve("batch-" + batchId.replaceAll("[^A-Za-z0-9_-]", "_") + ".parquet");
        if (rows.isEmpty() || Files.exists(target)) {
            return; // an empty batch, or one already stored by an earlier attempt
        }
        Path tmp = tableDir.resolve(".append-" + System.nanoTime() + ".tmp");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE batch AS SELECT * FROM read_parquet('" + literal(tableDir)
                    + "/*.parquet', union_by_name = true) LIMIT 0");
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'batch' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            for (Map<String, Object> row : rows) {
                for (String name : row.keySet()) {
                    if (!columns.contains(name)) {
                        throw new IllegalArgumentException(
                                "table " + datasetId + "." + table + " has no column " + name);
                    }
                }
            }
            String insert = "INSERT INTO batch VALUES ("
                    + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (Map<String, Object> row : rows) {
                    for (int i = 0; i < columns.size(); i++) {
                        ps.setObject(i + 1, jdbcValue(row.get(columns.get(i))));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            st.execute("COPY batch TO '" + literal(tmp) + "' (FORMAT PARQUET)");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            throw new IllegalArgumentException(
                    "cannot append to " + datasetId + "." + table + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object jdbcValue(Object v) {
        if (v instanceof Instant t) {
            return Timestamp.from(t);
        }
        if (v instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return Json.write(v);
        }
        return v;
    }

    @FunctionalInterface
    private interface ParquetWriter {
        void writeTo(Path tmp);
    }

    /** Writes the table's new content to a temp file, then swaps it in as the only part. */
    private void replaceTable(Path tableDir, ParquetWriter writer) {
        try {
            Files.createDirectories(tableDir);
            Path tmp = tableDir.resolve(".replace-" + System.nanoTime() + ".tmp");
            writer.writeTo(tmp);
            Files.move(
                    tmp,
                    tableDir.resolve(DATA_FILE),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(tableDir, "*.parquet")) {
                for (Path part : parts) {
                    if (!part.getFileName().toString().equals(DATA_FILE)) {
                        Files.deleteIfExists(part);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createViews(Statement st, Path dir, List<String> tables) throws SQLException {
        for (String table : tables) {
            st.execute("CREATE VIEW \"" + table + "\" AS SELECT * FROM read_parquet('" + literal(dir.resolve(table))
                    + "/*.parquet', union_by_name = true)");
        }
    }

    @Override
    public boolean createTable(String datasetId, String table, List<ColumnSpec> columns) {
        Path tableDir = dataset(datasetId).resolve(checked(table, "table"));
        Path target = tableDir.resolve(DATA_FILE);
        if (Files.exists(target)) {
            return false;
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec col = columns.get(i);
            select.append(i == 0 ? "" : ", ")
                    .append("CAST(NULL AS ")
                    .append(duckType(col.type()))
                    .append(") AS ")
                    .append('"')
                    .append(checked(col.name(), "column"))
                    .append('"');
        }
        select.append(" LIMIT 0");
        try {
            Files.createDirectories(tableDir);
            Path tmp = tableDir.resolve(".create-" + System.nanoTime() + ".tmp");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = c.createStatement()) {
                st.execute("COPY (" + select + ") TO '" + literal(tmp) + "' (FORMAT PARQUET)");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create table " + datasetId + "." + table + ": " + e.getMessage(), e);
        }
    }

    static String duckType(String portable) {
        return switch (portable.toUpperCase(Locale.ROOT)) {
            case "STRING", "JSON" -> "VARCHAR";
            case "INT64", "INTEGER" -> "BIGINT";
            case "FLOAT64", "NUMERIC" -> "DOUBLE";
            case "BOOL", "BOOLEAN" -> "BOOLEAN";
            case "TIMESTAMP" -> "TIMESTAMP";
            case "DATE" -> "DATE";
            case "BYTES" -> "BLOB";
            default -> throw new IllegalArgumentException("unknown column type " + portable);
        };
    }

    @Override
    public long countRows(String datasetId, String table) {
        Path tableDir = dataset(datasetId).resolve(checked(table, "table"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM read_parquet('" + literal(tableDir) + "/*.parquet')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + datasetId + "." + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Long> rowCounts(String datasetId) {
        Path dir = dataset(datasetId);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            for (String table : listTables(datasetId)) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM read_parquet('" + literal(dir.resolve(table)) + "/*.parquet')")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows of " + datasetId + ": " + e.getMessage(), e);
        }
    }

    /** Longest a single query may run before it is interrupted. */
    public static final int QUERY_TIMEOUT_SECONDS = 30;

    /**
     * Runs one query in a throwaway in-memory DuckDB that can see only this dataset: a view per table it names, then
     * the engine is locked down ({@link #lockDown}) and the query run with a time limit ({@link #run}). A result whose
     * files are unchanged since it was last computed is answered from {@link QueryResultCache}.
     */
    @Override
    public QueryResult query(String datasetId, String sql, int maxRows) {
        Path dir = existing(datasetId);
        List<String> tables = listTables(datasetId);
        return results.get(results.key(dir, tables, sql, maxRows), () -> {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:", streaming());
                    Statement st = c.createStatement()) {
                createViews(st, dir, referencedTables(sql, tables));
                lockDown(st, dir);
                return run(st, datasetId, sql, maxRows);
            } catch (SQLException e) {
                throw new IllegalArgumentException("query failed on " + datasetId + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Checks the query in a throwaway DuckDB locked down like {@link #query}'s: {@code EXPLAIN} binds and plans it
     * (tables, columns, functions, types) without executing it, so no row is read (only the parquet footers that give
     * the views their schema); the result columns come from the prepared statement, which is not executed either.
     * DuckDB cannot tell the bytes a query would scan before running it, so none are given.
     */
    @Override
    public QueryValidation validate(String datasetId, String sql) {
        Path dir;
        try {
            dir = existing(datasetId);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(datasetId, e.getMessage(), e);
        }
        List<String> tables = listTables(datasetId);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            createViews(st, dir, referencedTables(sql, tables));
            lockDown(st, dir);
            st.setQueryTimeout(queryTimeoutSeconds);
            try (ResultSet plan = st.executeQuery("EXPLAIN " + sql)) {
                while (plan.next()) {
                    // the plan itself is not needed: that DuckDB could bind and plan the query is the answer
                }
            }
            List<String> columns = new ArrayList<>();
            try (PreparedStatement prepared = c.prepareStatement(sql)) {
                ResultSetMetaData md = prepared.getMetaData();
                for (int i = 1; md != null && i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
            }
            return new QueryValidation(columns, OptionalLong.empty());
        } catch (SQLException e) {
            throw new InvalidQueryException(datasetId, e.getMessage(), e);
        }
    }

    /**
     * One DuckDB for many queries over the dataset, locked down like {@link #query}'s, with a view per table made
     * once and parquet footers cached: what a query costs is then the query alone (readiness scoring asks every golden
     * question in one). The DuckDB is opened by the first query {@link QueryResultCache} cannot answer; after a
     * statement that is not a plain read (it could shadow a table) the session neither uses nor fills that cache.
     */
    @Override
    public QuerySession session(String datasetId) {
        Path dir = existing(datasetId);
        List<String> tables = listTables(datasetId);
        return new QuerySession() {
            private Connection connection;
            private boolean tainted;

            @Override
            public synchronized QueryResult query(String sql, int maxRows) {
                if (!tainted) {
                    Optional<QueryResultCache.Key> key = results.key(dir, tables, sql, maxRows);
                    if (key.isPresent()) { // a plain read, answered once for the files it reads
                        return results.get(key, () -> runInSession(sql, maxRows));
                    }
                    tainted = !QueryResultCache.onlyReads(sql);
                }
                return runInSession(sql, maxRows);
            }

            private QueryResult runInSession(String sql, int maxRows) {
                try {
                    if (connection == null) {
                        connection = open(dir, tables, datasetId);
                    }
                    try (Statement st = connection.createStatement()) {
                        return run(st, datasetId, sql, maxRows);
                    }
                } catch (SQLException e) {
                    throw new IllegalArgumentException("query failed on " + datasetId + ": " + e.getMessage(), e);
                }
            }

            @Override
            public synchronized void close() {
                if (connection == null) {
                    return;
                }
                try {
                    connection.close();
                } catch (SQLException e) {
                    // nothing left to release
                } finally {
                    connection = null;
                }
            }
        };
    }

    /** Query results answered without running them so far. */
    long cachedResults() {
        return results.hits();
    }

    /** A session's DuckDB: a view per table, parquet footers read once, locked down. */
    private static Connection open(Path dir, List<String> tables, String datasetId) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:", streaming());
            try (Statement st = c.createStatement()) {
                createViews(st, dir, tables);
                st.execute("SET parquet_metadata_cache = true");
                lockDown(st, dir);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a session on " + datasetId + ": " + e.getMessage(), e);
        }
    }

    private Path existing(String datasetId) {
        Path dir = dataset(datasetId);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("dataset not found: " + datasetId);
        }
        return dir;
    }

    private static Properties streaming() {
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true");
        return props;
    }

    /**
     * No file or network access outside the dataset's folder, no extension loading, configuration locked so a query
     * cannot undo any of it; single-threaded so results are repeatable: the same query always returns the same rows,
     * even where a golden query leaves ties unordered (LIMIT over equal counts, mode()); concurrency comes from
     * concurrent queries.
     */
    private static void lockDown(Statement st, Path dir) throws SQLException {
        st.execute("SET threads = 1");
        st.execute("SET allowed_directories = ['" + literal(dir) + "/']");
        st.execute("SET enable_external_access = false");
        st.execute("SET autoinstall_known_extensions = false");
        st.execute("SET autoload_known_extensions = false");
        st.execute("SET lock_configuration = true");
    }

    /** Runs the query with the time limit, streaming so that only {@code maxRows + 1} rows are ever fetched. */
    private QueryResult run(Statement st, String datasetId, String sql, int maxRows) throws SQLException {
        st.setQueryTimeout(queryTimeoutSeconds);
        try (ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            boolean truncated = false;
            while (rs.next()) {
                if (rows.size() == maxRows) {
                    truncated = true;
                    break;
                }
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(plain(rs.getObject(i)));
                }
                rows.add(row);
            }
            return new QueryResult(columns, rows, truncated);
        }
    }

    /**
     * The tables a query names (a view is created only for those, which keeps small queries fast); all tables when
     * it reads the catalogue (information_schema) or names none of them.
     */
    static List<String> referencedTables(String sql, List<String> tables) {
        List<SqlToken> toks;
        try {
            toks = SqlLexer.tokens(sql);
        } catch (SqlSyntaxException e) {
            return tables; // DuckDB reports what is wrong with it
        }
        List<String> named = TableReferences.readsCatalogue(toks) ? List.of() : TableReferences.named(toks, tables);
        return named.isEmpty() ? tables : named;
    }

    /** JSON-friendly values: dates and timestamps as ISO strings, decimals as numbers. */
    private static Object plain(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime().toString();
        }
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        return v.toString();
    }

    private static String literal(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
