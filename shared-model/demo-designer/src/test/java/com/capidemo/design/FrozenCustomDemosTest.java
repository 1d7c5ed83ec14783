package com.capidemo.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.template.TemplateCatalog;
import com.capidemo.core.template.TemplateDefinition;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Custom demos of industries that have no template, frozen as template YAML for the chat engine's tests (which
 * cannot depend on this module: its tests would form a build cycle). Each demo is designed from a fixed brief the way
 * the custom pipeline designs it (research, use cases, schema, twelve golden queries, system instruction) and
 * compiled to a template whose id is the demo's name. The frozen file must be exactly what the designer gives today;
 * {@code -Dcustom-demos.freeze=true} rewrites the files from the briefs instead of comparing.
 */
class FrozenCustomDemosTest {

    static final Map<String, CustomerBrief> BRIEFS = Map.of(
            "airline",
            new CustomerBrief(
                    "SkyBridge Airlines",
                    "airline",
                    null,
                    "A regional airline with 40 aircraft flying in the US north-west",
                    List.of("on-time performance", "ancillary revenue")),
            "university",
            new CustomerBrief(
                    "Lakeshore State University",
                    "university",
                    null,
                    "A public university with 18,000 students on three campuses around the Great Lakes",
                    List.of("enrolment", "retention", "course outcomes")),
            "utility",
            new CustomerBrief(
                    "Cascade Power & Light",
                    "utility",
                    null,
                    "An electric utility serving 300,000 homes and businesses in Oregon and Washington",
                    List.of("consumption", "outages", "billing")),
            "insurance",
            new CustomerBrief(
                    "Harborview Mutual Insurance",
                    "insurance",
                    null,
                    "A property and casualty insurer selling auto, home and small business policies through agents"
                            + " in the US Midwest",
                    List.of("claims experience and loss ratio", "policy retention", "agent performance")),
            "restaurants",
            new CustomerBrief(
                    "Copper Kettle Grill",
                    "restaurants",
                    null,
                    "A casual dining restaurant chain with about 60 locations across the US South-East",
                    List.of("sales by location", "menu performance", "labour cost")));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"airline", "university", "utility", "insurance", "restaurants"})
    void theFrozenDemoIsWhatTheDesignerGivesForItsBrief(String id) throws IOException {
        CustomerBrief brief = BRIEFS.get(id);
        TemplateDefinition template = DesignFixtures.design(brief).compile(1.0);
        template = new TemplateDefinition(
                id,
                template.name(),
                template.industry(),
                template.description(),
                template.tags(),
                template.estimatedSeconds(),
                template.dataVersion(),
                template.systemInstruction(),
                template.tables(),
                template.goldenQueries());
        String yaml = dump(brief, template);
        Path file = frozenDir().resolve(id + ".yml");
        if (Boolean.getBoolean("custom-demos.freeze")) {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("frozen custom demo (rewrite with -Dcustom-demos.freeze=true)")
                .exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(file + " is the designer's output for its brief (rewrite with -Dcustom-demos.freeze=true)")
                .isEqualTo(yaml);
        assertThat(TemplateCatalog.read(file)).isEqualTo(template);
    }

    /** The template YAML of configs/templates, headed by the brief it was designed from. */
    static String dump(CustomerBrief brief, TemplateDefinition template) throws JsonProcessingException {
        return "# Custom demo frozen from the local designer's output for the brief\n# "
                + new ObjectMapper().writeValueAsString(brief)
                + "\n# Do not edit: regenerate with FrozenCustomDemosTest in shared-model/demo-designer"
                + " (-Dcustom-demos.freeze=true).\n"
                + YAML.writeValueAsString(template);
    }

    static Path frozenDir() {
        for (String candidate : new String[] {"shared-model/chat-engine", "../chat-engine", "chat-engine"}) {
            Path dir = Path.of(candidate, "src/test/resources/chat/custom-demos")
                    .toAbsolutePath()
                    .normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("chat-engine test resources chat/custom-demos not found from "
                + Path.of("").toAbsolutePath());
    }
}
