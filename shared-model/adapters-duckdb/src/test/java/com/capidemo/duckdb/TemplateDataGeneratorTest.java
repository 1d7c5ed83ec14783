package com.capidemo.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.template.ForeignKey;
import com.capidemo.core.template.GoldenQuery;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateCatalog;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.core.template.TemplateTestSupport;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateDataGeneratorTest {

    static Stream<Arguments> templates() {
        return TemplateTestSupport.catalog().all().stream().map(t -> Arguments.of(t.templateId(), t));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void generatesDeclaredRowsWithIntactKeysAndAnswerableGoldenQueries(
            String id, TemplateDefinition template, @TempDir Path dir) throws Exception {
        Path first = dir.resolve("first");
        long started = System.nanoTime();
        Map<String, Long> counts = new TemplateDataGenerator().generate(template, first);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "template %s: %d tables, %d rows generated in %d ms%n",
                id,
                counts.size(),
                counts.values().stream().mapToLong(Long::longValue).sum(),
                millis);

        Map<String, Long> declared = new LinkedHashMap<>();
        template.tables().forEach(t -> declared.put(t.name(), t.rows()));
        assertThat(counts).containsExactlyEntriesOf(declared);
        try (Stream<Path> files = Files.list(first)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("only the table files, no temp files")
                    .containsExactlyElementsOf(declared.keySet().stream()
                            .map(n -> n + ".parquet")
                            .sorted()
                            .toList());
        }

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            for (TableSpec table : template.tables()) {
                assertThat(single(s, "SELECT count(*) FROM " + parquet(first, table.name())))
                        .as(id + "." + table.name() + " rows in parquet")
                        .isEqualTo(table.rows());
                assertThat(single(
                                s,
                                "SELECT count(*) - count(DISTINCT " + table.primaryKey() + ") + count(*) FILTER (WHERE "
                                        + table.primaryKey() + " IS NULL) FROM " + parquet(first, table.name())))
                        .as(id + "." + table.name() + " primary key " + table.primaryKey() + " unique and not null")
                        .isZero();
                for (ForeignKey fk : table.foreignKeys()) {
                    long orphans = single(
                            s,
                            "SELECT count(*) FROM " + parquet(first, table.name()) + " c LEFT JOIN "
                                    + parquet(first, fk.referencedTable()) + " p ON c." + fk.column() + " = p."
                                    + fk.referencedColumn() + " WHERE c." + fk.column() + " IS NOT NULL AND p."
                                    + fk.referencedColumn() + " IS NULL");
                    assertThat(orphans)
                            .as(id + "." + table.name() + "." + fk.column() + " -> " + fk.references())
                            .isZero();
                }
            }

            for (TableSpec table : template.tables()) {
                s.execute("CREATE VIEW " + table.name() + " AS SELECT * FROM " + parquet(first, table.name()));
            }
            List<String> empty = new ArrayList<>();
            for (GoldenQuery q : template.goldenQueries()) {
                try (ResultSet rs = s.executeQuery(q.sql())) {
                    if (!rs.next()) {
                        empty.add(q.question());
                    }
                } catch (SQLException e) {
                    throw new AssertionError(id + " golden query failed: " + q.question() + "\n" + e.getMessage(), e);
                }
            }
            assertThat(empty).as(id + " golden queries returning no rows").isEmpty();
        }

        Path second = dir.resolve("second");
        assertThat(new TemplateDataGenerator().generate(template, second)).isEqualTo(counts);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            for (TableSpec table : template.tables()) {
                assertThat(contentHash(s, second, table.name()))
                        .as(id + "." + table.name() + " content is identical across runs")
                        .isEqualTo(contentHash(s, first, table.name()));
                assertThat(Files.mismatch(
                                first.resolve(table.name() + ".parquet"), second.resolve(table.name() + ".parquet")))
                        .as(id + "." + table.name() + " parquet bytes are identical across runs")
                        .isEqualTo(-1L);
            }
        }
    }

    @Test
    void failsWhenATableDoesNotProduceTheDeclaredRowCount(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("templates/tiny.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, TemplateTestSupport.validTemplate("tiny").replace("rows: 20", "rows: 21"));
        TemplateDefinition tiny =
                TemplateCatalog.load(file.getParent()).find("tiny").orElseThrow();
        assertThatThrownBy(() -> new TemplateDataGenerator().generate(tiny, dir.resolve("out")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("children")
                .hasMessageContaining("20")
                .hasMessageContaining("21");
    }

    @Test
    void failsWithTheTableNameWhenItsSqlIsBroken(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("templates/tiny.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file, TemplateTestSupport.validTemplate("tiny").replace("FROM range(20) t(i)", "FROM no_such_table"));
        TemplateDefinition tiny =
                TemplateCatalog.load(file.getParent()).find("tiny").orElseThrow();
        assertThatThrownBy(() -> new TemplateDataGenerator().generate(tiny, dir.resolve("out")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("children");
    }

    @Test
    void overwritesPreviousOutputAtomically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("templates/tiny.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, TemplateTestSupport.validTemplate("tiny"));
        TemplateDefinition tiny =
                TemplateCatalog.load(file.getParent()).find("tiny").orElseThrow();
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("parents.parquet"), "stale");
        assertThat(new TemplateDataGenerator(1).generate(tiny, out))
                .containsExactly(Map.entry("parents", 10L), Map.entry("children", 20L));
        assertThat(Files.size(out.resolve("parents.parquet"))).isGreaterThan(5);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("children.parquet", "parents.parquet");
        }
    }

    private static String parquet(Path dir, String table) {
        return "read_parquet('"
                + dir.resolve(table + ".parquet").toAbsolutePath().toString().replace("'", "''") + "')";
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static BigInteger contentHash(Statement s, Path dir, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT sum(hash(t))::VARCHAR FROM " + parquet(dir, table) + " t")) {
            rs.next();
            return new BigInteger(rs.getString(1));
        }
    }
}
