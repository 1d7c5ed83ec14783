package com.capidemo.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.template.ForeignKey;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.duckdb.TemplateDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the local design pipeline the way the custom provisioner does, and checks the generated data. */
final class DesignFixtures {

    static final KnowledgeBaseDemoDesigner DESIGNER = KnowledgeBaseDemoDesigner.fromConfigs(configsDir());

    private DesignFixtures() {}

    static Path configsDir() {
        for (String candidate : new String[] {"configs", "../configs", "../../configs"}) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(dir.resolve("knowledge"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "configs/knowledge not found from " + Path.of("").toAbsolutePath());
    }

    /** Everything the pipeline's design stages produce for one brief. */
    record Design(
            CustomerProfile profile,
            UseCaseAnalysis useCases,
            SchemaDesign schema,
            List<GoldenQuery> queries,
            String instruction) {
        TemplateDefinition compile(double scale) {
            return new SyntheticDataCompiler()
                    .compile(
                            "custom-test", profile, scale == 1.0 ? schema : schema.scaled(scale), instruction, queries);
        }
    }

    static Design design(CustomerBrief brief) {
        CustomerProfile profile = DESIGNER.research(brief);
        UseCaseAnalysis useCases = DESIGNER.analyzeUseCases(brief, profile);
        SchemaDesign schema = DESIGNER.designSchema(profile, useCases);
        List<GoldenQuery> queries = DESIGNER.goldenQueries(profile, useCases, schema, 12, Set.of());
        return new Design(profile, useCases, schema, queries, DESIGNER.systemInstruction(profile, schema));
    }

    static CustomerBrief brief(String name, String industry) {
        return new CustomerBrief(name, industry, null, null, List.of());
    }

    /** Generates the data and checks keys and golden queries with DuckDB over the parquet files; returns row counts. */
    static Map<String, Long> generateAndVerify(TemplateDefinition template, Path dir) throws SQLException {
        Map<String, Long> counts = new TemplateDataGenerator().generate(template, dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            for (TableSpec table : template.tables()) {
                s.execute("CREATE VIEW " + table.name() + " AS SELECT * FROM read_parquet('"
                        + dir.resolve(table.name() + ".parquet").toAbsolutePath() + "')");
            }
            for (TableSpec table : template.tables()) {
                assertThat(single(
                                s, "SELECT count(*) - count(DISTINCT " + table.primaryKey() + ") FROM " + table.name()))
                        .as(table.name() + " primary key unique")
                        .isZero();
                for (ForeignKey fk : table.foreignKeys()) {
                    long orphans = single(
                            s,
                            "SELECT count(*) FROM " + table.name() + " c LEFT JOIN "
                                    + fk.referencedTable() + " p ON c." + fk.column() + " = p." + fk.referencedColumn()
                                    + " WHERE c." + fk.column() + " IS NOT NULL AND p." + fk.referencedColumn()
                                    + " IS NULL");
                    assertThat(orphans)
                            .as(template.templateId() + " " + table.name() + "." + fk.column() + " -> "
                                    + fk.references())
                            .isZero();
                }
            }
            for (com.capidemo.core.template.GoldenQuery q : template.goldenQueries()) {
                try (ResultSet rs = s.executeQuery(q.sql())) {
                    assertThat(rs.next())
                            .as("golden query returns rows: " + q.question() + "\n" + q.sql())
                            .isTrue();
                } catch (SQLException e) {
                    throw new AssertionError(
                            "golden query failed: " + q.question() + "\n" + q.sql() + "\n" + e.getMessage(), e);
                }
            }
        }
        return counts;
    }

    static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
