package com.capidemo.duckdb;

import com.capidemo.core.port.TemplateDataWriter;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Materialises a template's tables with an in-memory DuckDB and writes one {@code {table}.parquet} file per table.
 * The table SQL is deterministic (pseudo-random values come from {@code hash(...)}, never {@code random()}), and
 * every file is written ordered by the table's primary key, so the same template always yields the same rows in the
 * same order.
 */
public final class TemplateDataGenerator implements TemplateDataWriter {

    private static final int MAX_THREADS = 2;

    static {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            // DriverManager's service loading will report the missing driver when a connection is opened.
        }
    }

    private final int threads;

    public TemplateDataGenerator() {
        this(MAX_THREADS);
    }

    /** @param threads DuckDB worker threads, clamped to 1..2 */
    public TemplateDataGenerator(int threads) {
        this.threads = Math.max(1, Math.min(MAX_THREADS, threads));
    }

    /**
     * Generates every table of {@code template} into {@code outDir}.
     *
     * @return table name to row count, in table declaration order
     * @throws IllegalStateException if a table's SQL fails or produces a row count other than the declared one
     */
    @Override
    public Map<String, Long> generate(TemplateDefinition template, Path outDir) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create output directory " + outDir, e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA threads=" + threads);
            statement.execute("SET preserve_insertion_order=true");
            for (TableSpec table : template.tables()) {
                String name = table.name();
                try {
                    statement.execute("CREATE TABLE " + ident(name) + " AS " + stripTerminator(table.sql()));
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "Template " + template.templateId() + ": generating table " + name + " failed: "
                                    + e.getMessage(),
                            e);
                }
                long rows = count(statement, name);
                if (rows != table.rows()) {
                    throw new IllegalStateException("Template " + template.templateId() + ": table " + name + " has "
                            + rows + " rows but declares " + table.rows());
                }
                write(statement, table, outDir);
                counts.put(name, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Template " + template.templateId() + ": DuckDB failed: " + e.getMessage(), e);
        }
        return counts;
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + ident(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void write(Statement statement, TableSpec table, Path outDir) throws SQLException {
        Path target = outDir.resolve(table.name() + ".parquet");
        Path temp = outDir.resolve("." + table.name() + ".parquet.tmp");
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove stale temp file " + temp, e);
        }
        String order = table.primaryKey() == null || table.primaryKey().isBlank() ? "ALL" : ident(table.primaryKey());
        statement.execute("COPY (SELECT * FROM " + ident(table.name()) + " ORDER BY " + order + ") TO "
                + literal(temp.toAbsolutePath().toString()) + " (FORMAT PARQUET)");
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + temp + " to " + target, e);
        }
    }

    private static String stripTerminator(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
