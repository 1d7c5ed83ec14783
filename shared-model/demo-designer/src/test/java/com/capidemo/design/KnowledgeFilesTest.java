package com.capidemo.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every knowledge file parses into exactly what it says, with every required key present. */
class KnowledgeFilesTest {

    static Stream<Path> files() throws IOException {
        return Files.list(DesignFixtures.configsDir().resolve("knowledge"))
                .filter(p -> p.toString().endsWith(".yml"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileParsesWithEveryRequiredKeyFilled(Path file, @TempDir Path dir) throws IOException {
        Files.copy(file, dir.resolve(file.getFileName()));
        Files.copy(
                DesignFixtures.configsDir().resolve("knowledge").resolve("generic.yml"),
                dir.resolve("generic.yml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IndustryKnowledge k = KnowledgeBase.load(dir).all().stream()
                .filter(i -> file.getFileName().toString().equals(i.key() + ".yml"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(file + " must hold the industry its file is named after"));

        assertThat(k.label()).isNotBlank();
        assertThat(k.tables()).isNotEmpty();
        assertThat(k.questions()).isNotEmpty();
        for (IndustryKnowledge.Table t : k.tables()) {
            assertThat(t.description())
                    .as(file.getFileName() + " " + t.name() + " description is a whole sentence")
                    .isNotBlank()
                    .endsWith(".");
            assertThat(t.rows()).as(t.name() + " rows").isPositive();
            assertThat(t.primaryKey()).as(t.name() + " primary key").isNotBlank();
            assertThat(t.columns()).extracting(ColumnDesign::name).contains(t.primaryKey());
            for (ColumnDesign c : t.columns()) {
                assertThat(c.type()).as(t.name() + "." + c.name() + " type").isNotBlank();
                assertThat(c.generator().kind())
                        .as(t.name() + "." + c.name() + " kind")
                        .isIn(Generator.KINDS);
            }
        }
        for (IndustryKnowledge.KnownUseCase u : k.useCases()) {
            assertThat(u.name()).isNotBlank();
            assertThat(u.description()).as(u.key() + " description").isNotBlank();
            assertThat(u.keywords()).as(u.key() + " keywords").isNotEmpty();
        }
    }

    @Test
    void anUnquotedCommaInAFlowMappingNamesTheFileAndTheStrayKey(@TempDir Path dir) throws IOException {
        write(dir, "generic.yml", """
                key: generic
                label: General Business
                aliases: []
                tables:
                  - {name: orders, description: Orders, returns and refunds., rows: 10, primary_key: order_id, columns: [
                      {name: order_id, type: INT64, generator: {kind: sequence}}]}
                questions:
                  - {question: "How many orders?", kind: count, measure: orders}
                """);
        assertThatThrownBy(() -> KnowledgeBase.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generic.yml")
                .hasMessageContaining("tables[orders].'returns and refunds.' is not a known key")
                .hasMessageContaining("quote");
    }

    @Test
    void aMissingOrNullRequiredValueNamesTheFileAndTheKey(@TempDir Path dir) throws IOException {
        write(dir, "generic.yml", """
                key: generic
                label:
                aliases: []
                tables:
                  - name: orders
                    rows: 10
                    primary_key: order_id
                    columns:
                      - {name: order_id, type: INT64, generator: {kind: sequence}}
                      - {name: amount, generator: {kind: decimal_range}}
                questions:
                  - {question: "How many orders?", measure: orders}
                """);
        assertThatThrownBy(() -> KnowledgeBase.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Knowledge file generic.yml")
                .hasMessageContaining("label is missing or empty")
                .hasMessageContaining("tables[orders].description is missing or empty")
                .hasMessageContaining("tables[orders].columns[amount].type is missing or empty")
                .hasMessageContaining("questions[0].kind is missing or empty");
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
        assertThat(List.of(dir.resolve(name))).allMatch(Files::exists);
    }
}
