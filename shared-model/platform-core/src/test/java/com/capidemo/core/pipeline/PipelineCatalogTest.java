package com.capidemo.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineCatalogTest {

    private static final Set<String> TYPES = Set.of("load_object", "dq_check", "warehouse_sql", "dry_run");

    @TempDir
    Path configs;

    private Path write(String relative, String yaml) throws IOException {
        Path file = configs.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private Variables vars() {
        return new Variables(Map.of("tenant_id", "acme", "dataset_id", "acme"));
    }

    @Test
    void templatesAreFoundByProviderDomainAndNameAndNamesCannotLeaveConfigs() throws IOException {
        write("gcp/cost/bill.yml", "steps: [{id: a, type: dry_run, dataset: x}]");
        PipelineCatalog catalog = new PipelineCatalog(configs);
        assertThat(catalog.find("gcp", "cost", "bill")).isPresent();
        assertThat(catalog.find("gcp", "cost", "nope")).isEmpty();
        assertThat(catalog.find("..", "cost", "bill")).isEmpty();
        assertThat(catalog.find("gcp", "cost/../cost", "bill")).isEmpty();
    }

    @Test
    void stepsAreLoadedInOrderWithVariablesResolved() throws IOException {
        Path file = write("gcp/x/p.yml", """
                pipeline: p
                description: demo of {tenant_id}
                steps:
                  - {id: first, type: dry_run, dataset: "{dataset_id}"}
                  - {id: second, type: warehouse_sql, dataset: "{dataset_id}", destination_table: t, sql: "SELECT 1"}
                """);
        PipelineDefinition p = new PipelineCatalog(configs).load(file, vars(), TYPES);
        assertThat(p.steps()).extracting(StepDefinition::id).containsExactly("first", "second");
        assertThat(p.steps().get(0).config()).containsEntry("dataset", "acme");
        assertThat(p.steps().get(1).type()).isEqualTo("warehouse_sql");
    }

    @Test
    void anUnknownStepTypeFailsAtLoadTimeNamingTheStep() throws IOException {
        Path file = write("gcp/x/bad.yml", """
                steps:
                  - {id: fine, type: dry_run, dataset: x}
                  - {id: broken, type: teleport, dataset: x}
                """);
        assertThatThrownBy(() -> new PipelineCatalog(configs).load(file, vars(), TYPES))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("broken")
                .hasMessageContaining("teleport");
    }

    @Test
    void unknownVariablesDuplicateIdsAndEmptyPipelinesFailAtLoadTime() throws IOException {
        PipelineCatalog catalog = new PipelineCatalog(configs);
        Path unknownVar = write("a/b/v.yml", "steps: [{id: s, type: dry_run, dataset: \"{nope}\"}]");
        assertThatThrownBy(() -> catalog.load(unknownVar, vars(), TYPES)).hasMessageContaining("{nope}");
        Path dupes = write("a/b/d.yml", "steps: [{id: s, type: dry_run}, {id: s, type: dry_run}]");
        assertThatThrownBy(() -> catalog.load(dupes, vars(), TYPES)).hasMessageContaining("repeated");
        Path empty = write("a/b/e.yml", "description: nothing\n");
        assertThatThrownBy(() -> catalog.load(empty, vars(), TYPES)).hasMessageContaining("no steps");
        Path broken = write("a/b/y.yml", "steps: [unclosed");
        assertThatThrownBy(() -> catalog.load(broken, vars(), TYPES)).isInstanceOf(PipelineException.class);
    }

    @Test
    void theShippedPipelinesLoad() {
        Path shipped = Path.of("../../configs").toAbsolutePath().normalize();
        PipelineCatalog catalog = new PipelineCatalog(shipped);
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "tenant_id",
                "acme",
                "dataset_id",
                "acme",
                "provider",
                "gcp",
                "domain",
                "cost",
                "template_name",
                "t",
                "pipeline_id",
                "p"));
        values.putAll(Map.of(
                "pipeline_logging_id",
                "run1",
                "date",
                "2025-10-31",
                "trigger_by",
                "me",
                "job_id",
                "j",
                "demo_id",
                "d",
                "customer_name",
                "c",
                "industry",
                "retail"));
        Variables all = new Variables(values);
        Set<String> types = Set.of(
                "load_object",
                "dq_check",
                "warehouse_sql",
                "dry_run",
                "demo_research",
                "demo_use_cases",
                "demo_schema_design",
                "demo_data_generation",
                "demo_dataset_load",
                "demo_golden_queries",
                "demo_data_agent");
        for (String[] t : new String[][] {
            {"gcp", "cost", "bill-sample-export-template"},
            {"gcp", "example", "dryrun"},
            {"demo", "custom", "agent-pipeline"}
        }) {
            Path file = catalog.find(t[0], t[1], t[2]).orElseThrow();
            assertThat(catalog.load(file, all, types).steps()).isNotEmpty();
        }
    }
}
