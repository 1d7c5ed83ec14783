package com.capidemo.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateCatalogTest {

    /** The six templates this module guarantees; other templates in the directory must still be valid. */
    private static final List<String> CORE = List.of("shopify", "banking", "healthcare", "saas", "logistics", "media");

    private static TemplateCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = TemplateTestSupport.catalog();
    }

    @Test
    void loadsAtLeastSixTemplatesFromFiveIndustriesSortedById() {
        List<TemplateDefinition> all = catalog.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        assertThat(all)
                .extracting(TemplateDefinition::templateId)
                .isSorted()
                .doesNotHaveDuplicates()
                .containsAll(CORE);
        assertThat(all.stream().map(TemplateDefinition::industry).collect(Collectors.toSet()))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(CORE.stream()
                        .map(id -> catalog.find(id).orElseThrow().industry())
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "Retail & E-commerce",
                        "Financial Services",
                        "Healthcare",
                        "SaaS / Software",
                        "Logistics & Supply Chain",
                        "Media & Streaming");
    }

    @Test
    void shopifyHasFifteenTablesTotallingExactly145000Rows() {
        TemplateDefinition shopify = catalog.find("shopify").orElseThrow();
        assertThat(shopify.name()).isEqualTo("Shopify E-commerce Analytics");
        assertThat(shopify.industry()).isEqualTo("Retail & E-commerce");
        assertThat(shopify.tags()).containsExactly("retail", "ecommerce", "payments");
        assertThat(shopify.estimatedSeconds()).isEqualTo(45);
        assertThat(shopify.tableCount()).isEqualTo(15);
        assertThat(shopify.totalRows()).isEqualTo(145_000L);
        assertThat(shopify.table("customers"))
                .hasValueSatisfying(t -> assertThat(t.rows()).isEqualTo(80_000L));
        assertThat(shopify.goldenQueries()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void coreTemplatesHaveTheAgreedShape() {
        for (String id : CORE) {
            TemplateDefinition t = catalog.find(id).orElseThrow();
            assertThat(t.dataVersion()).as(id + " data_version").isPositive();
            assertThat(t.estimatedSeconds()).as(id + " estimated_seconds").isPositive();
            assertThat(t.description()).as(id + " description").isNotBlank();
            assertThat(t.systemInstruction()).as(id + " system_instruction").isNotBlank();
            assertThat(t.tags()).as(id + " tags").isNotEmpty();
            if (!id.equals("shopify")) {
                assertThat(t.tableCount()).as(id + " tables").isBetween(5, 10);
                assertThat(t.totalRows()).as(id + " rows").isBetween(20_000L, 150_000L);
                assertThat(t.goldenQueries()).as(id + " golden queries").hasSizeGreaterThanOrEqualTo(10);
            }
            Set<String> complexities =
                    t.goldenQueries().stream().map(GoldenQuery::complexity).collect(Collectors.toSet());
            assertThat(complexities)
                    .as(id + " complexity mix")
                    .containsExactlyInAnyOrder("simple", "moderate", "complex");
        }
    }

    @Test
    void everyTemplateUsesDeterministicSqlAndDeclaresPrimaryKeys() {
        for (TemplateDefinition t : catalog.all()) {
            for (TableSpec table : t.tables()) {
                String sql = table.sql().toLowerCase(Locale.ROOT);
                assertThat(sql)
                        .as(t.templateId() + "." + table.name())
                        .doesNotContain("random(")
                        .doesNotContain("uuid(")
                        .doesNotContain("gen_random_uuid")
                        .doesNotContain("now()")
                        .doesNotContain("current_date")
                        .doesNotContain("current_timestamp");
                assertThat(table.primaryKey())
                        .as(t.templateId() + "." + table.name() + " primary_key")
                        .isNotBlank();
                assertThat(table.description())
                        .as(t.templateId() + "." + table.name() + " description")
                        .isNotBlank();
            }
        }
    }

    @Test
    void findReturnsEmptyForUnknownTemplates() {
        assertThat(catalog.find("does-not-exist")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
        assertThat(catalog.find("banking"))
                .hasValueSatisfying(t -> assertThat(t.templateId()).isEqualTo("banking"));
    }

    @Test
    void goldenQueriesConvertToTheDomainShape() {
        TemplateDefinition banking = catalog.find("banking").orElseThrow();
        assertThat(banking.domainGoldenQueries()).hasSameSizeAs(banking.goldenQueries());
        assertThat(banking.domainGoldenQueries().get(0).expectedResultType())
                .isEqualTo(banking.goldenQueries().get(0).expectedResultType());
        assertThat(banking.tableNames())
                .first()
                .isEqualTo(banking.tables().get(0).name());
    }

    @Test
    void loadsAValidMinimalTemplateAndIgnoresOtherFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tiny.yml"), TemplateTestSupport.validTemplate("tiny"));
        Files.writeString(dir.resolve("README.md"), "not a template");
        Files.writeString(dir.resolve("tiny.yml.bak"), "garbage: [");
        TemplateCatalog loaded = TemplateCatalog.load(dir);
        assertThat(loaded.all()).extracting(TemplateDefinition::templateId).containsExactly("tiny");
        TemplateDefinition tiny = loaded.find("tiny").orElseThrow();
        assertThat(tiny.tables()).hasSize(2);
        assertThat(tiny.tables().get(1).foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referencedTable()).isEqualTo("parents");
            assertThat(fk.referencedColumn()).isEqualTo("parent_id");
        });
        assertThat(tiny.totalRows()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "template_id mismatch      | 'template_id: tiny'           | 'template_id: other'            | template_id",
                "bad complexity            | 'complexity: simple'          | 'complexity: trivial'           | complexity",
                "bad result type           | 'expected_result_type: table' | 'expected_result_type: chart'   | expected_result_type",
                "missing result type       | '    expected_result_type: table' | ''                          | expected_result_type",
                "zero rows                 | 'rows: 10'                    | 'rows: 0'                       | rows",
                "duplicate table           | 'name: children'              | 'name: parents'                 | duplicate",
                "non snake_case table      | 'name: children'              | 'name: ChildRows'               | snake_case",
                "unknown referenced table  | 'parents.parent_id'           | 'nowhere.parent_id'             | unknown table",
                "malformed yaml            | 'tables:'                     | 'tables: [oops'                 | not valid template YAML",
            })
    void rejectsBrokenTemplateNamingTheFile(String caseName, String from, String to, String problem, @TempDir Path dir)
            throws IOException {
        String yaml = TemplateTestSupport.validTemplate("tiny");
        assertThat(yaml).as("fixture contains " + from).contains(from);
        Files.writeString(dir.resolve("tiny.yml"), yaml.replace(from, to));
        assertThatThrownBy(() -> TemplateCatalog.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tiny.yml")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# only a comment\n"})
    void rejectsEmptyTemplateFiles(String content, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("empty.yml"), content);
        assertThatThrownBy(() -> TemplateCatalog.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty.yml");
    }

    @Test
    void rejectsAMissingDirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> TemplateCatalog.load(dir.resolve("missing")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");
    }
}
