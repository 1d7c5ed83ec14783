package com.capidemo.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.duckdb.TemplateDataGenerator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDataCompilerTest {

    private static final CustomerProfile PROFILE = new CustomerProfile(
            "Tiny Co",
            "generic",
            "General Business",
            "A tiny business.",
            List.of(),
            List.of("North", "South"),
            List.of("Oslo", "Lima"),
            "USD",
            null,
            List.of(),
            "2024-01-01",
            "2025-12-31");

    private static ColumnDesign col(String name, String type, Generator g) {
        return new ColumnDesign(name, type, null, g);
    }

    private static SchemaDesign tiny() {
        TableDesign parents = new TableDesign(
                "parents",
                "Parents",
                50,
                "parent_id",
                List.of(
                        col(
                                "parent_id",
                                "STRING",
                                new Generator(
                                        "sequence",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "P-",
                                        null,
                                        null)),
                        col(
                                "price",
                                "FLOAT64",
                                new Generator(
                                        "decimal_range",
                                        null,
                                        null,
                                        null,
                                        null,
                                        1.0,
                                        10.0,
                                        2,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)),
                        col("region", "STRING", Generator.of("region"))));
        TableDesign children = new TableDesign(
                "children",
                "Children",
                2000,
                "child_id",
                List.of(
                        col("child_id", "INT64", Generator.sequence()),
                        col("parent_id", "STRING", Generator.foreignKey("parents.parent_id")),
                        col(
                                "qty",
                                "INT64",
                                new Generator(
                                        "int_range",
                                        null,
                                        null,
                                        null,
                                        null,
                                        1.0,
                                        5.0,
                                        null,
                                        null,
                                        null,
                                        2.0,
                                        null,
                                        null,
                                        null,
                                        null)),
                        col(
                                "unit_price",
                                "FLOAT64",
                                new Generator(
                                        "lookup",
                                        "parents.price",
                                        "parent_id",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)),
                        col("line_total", "FLOAT64", Generator.derived("round(qty * unit_price, 2)")),
                        col(
                                "event_date",
                                "DATE",
                                new Generator(
                                        "date_range",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "2024-01-01",
                                        "2024-12-31",
                                        0.8,
                                        null,
                                        null,
                                        null,
                                        0.1))));
        return new SchemaDesign("tiny", List.of(parents, children));
    }

    @Test
    void compiledTablesKeepKeysDerivedValuesAndRanges(@TempDir Path dir) throws Exception {
        TemplateDefinition t = new SyntheticDataCompiler().compile("tiny", PROFILE, tiny(), "instruction", List.of());
        assertThat(t.tables().get(1).foreignKeys())
                .singleElement()
                .satisfies(fk -> assertThat(fk.references()).isEqualTo("parents.parent_id"));
        assertThat(t.tables()).allSatisfy(s -> assertThat(s.sql()).doesNotContainIgnoringCase("random("));
        new TemplateDataGenerator().generate(t, dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("CREATE VIEW parents AS SELECT * FROM '" + dir.resolve("parents.parquet") + "'");
            s.execute("CREATE VIEW children AS SELECT * FROM '" + dir.resolve("children.parquet") + "'");
            assertThat(DesignFixtures.single(
                            s,
                            "SELECT count(*) FROM children c JOIN parents p USING (parent_id) "
                                    + "WHERE c.unit_price <> p.price OR c.line_total <> round(c.qty * p.price, 2)"))
                    .isZero();
            assertThat(DesignFixtures.single(
                            s,
                            "SELECT count(*) FROM children WHERE parent_id NOT IN "
                                    + "(SELECT parent_id FROM parents)"))
                    .isZero();
            assertThat(DesignFixtures.single(
                            s,
                            "SELECT count(*) FROM children WHERE qty NOT BETWEEN 1 AND 5 "
                                    + "OR event_date NOT BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'"))
                    .isZero();
            assertThat(DesignFixtures.single(s, "SELECT count(*) FROM children WHERE event_date IS NULL"))
                    .isBetween(100L, 300L);
            assertThat(DesignFixtures.single(s, "SELECT count(*) FROM parents WHERE region NOT IN ('North', 'South')"))
                    .isZero();
        }
    }

    /** User text never becomes SQL: the customer's name seeds the data but never becomes part of a statement. */
    @Test
    void theCustomersNameNeverAppearsInTheGeneratedSql() {
        CustomerProfile hostile = new CustomerProfile(
                "O'Brien Nul\u0000Co'); DROP TABLE x; --",
                "generic",
                "General Business",
                "A business.",
                List.of(),
                List.of("North"),
                List.of("Oslo"),
                "USD",
                null,
                List.of(),
                "2024-01-01",
                "2025-12-31");
        TemplateDefinition t =
                new SyntheticDataCompiler().compile("hostile", hostile, tiny(), "instruction", List.of());
        for (var table : t.tables()) {
            assertThat(table.sql())
                    .doesNotContain("O'Brien")
                    .doesNotContain("Brien")
                    .doesNotContain("\u0000")
                    .doesNotContain("DROP TABLE");
        }
        TemplateDefinition again =
                new SyntheticDataCompiler().compile("other_id", hostile, tiny(), "instruction", List.of());
        assertThat(again.tables().get(0).sql())
                .as("same brief, same data")
                .isEqualTo(t.tables().get(0).sql());
    }

    @Test
    void rejectsDesignsThatCannotBeCompiled() {
        SchemaDesign bad = new SchemaDesign(
                "bad",
                List.of(new TableDesign(
                        "order",
                        null,
                        10,
                        "id",
                        List.of(
                                col("id", "INT64", Generator.sequence()),
                                col("parent_id", "INT64", Generator.foreignKey("missing.id")),
                                col("kind", "TEXT", Generator.choice(List.of(), null))))));
        assertThat(SchemaRules.problems(bad)).hasSize(4);
        assertThatThrownBy(() -> new SyntheticDataCompiler().compile("bad", PROFILE, bad, "", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved word")
                .hasMessageContaining("missing.id");
    }
}
