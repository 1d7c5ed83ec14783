package com.capidemo.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

    private final Variables vars = new Variables(Map.of(
            "tenant_id",
            "acme",
            "provider",
            "gcp",
            "domain",
            "cost",
            "template_name",
            "bill",
            "pipeline_id",
            "acme-gcp-cost-bill"));

    @Test
    void placeholdersAreReplacedEverywhereInNestedSettings() {
        Object out = vars.applyDeep(Map.of(
                "dataset",
                "{tenant_id}",
                "checks",
                List.of(Map.of("name", "{pipeline_id}_rows")),
                "sql",
                "SELECT '{provider}/{domain}/{template_name}' AS origin",
                "min",
                1));
        assertThat(out)
                .isEqualTo(Map.of(
                        "dataset",
                        "acme",
                        "checks",
                        List.of(Map.of("name", "acme-gcp-cost-bill_rows")),
                        "sql",
                        "SELECT 'gcp/cost/bill' AS origin",
                        "min",
                        1));
    }

    @Test
    void unknownPlaceholdersAreAnErrorNamingThem() {
        assertThatThrownBy(() -> vars.apply("{tenant_id}.{missing} and {other}"))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("{missing}")
                .hasMessageContaining("{other}");
    }

    @Test
    void jsonAndStructLiteralsAreNotPlaceholders() {
        assertThat(vars.apply("SELECT {'a': 1} AS s, '{\"k\": 2}' AS j, {Upper} AS x"))
                .isEqualTo("SELECT {'a': 1} AS s, '{\"k\": 2}' AS j, {Upper} AS x");
    }

    @Test
    void replacementValuesAreTakenLiterally() {
        assertThat(new Variables(Map.of("x", "$1 \\ money")).apply("{x}")).isEqualTo("$1 \\ money");
    }
}
