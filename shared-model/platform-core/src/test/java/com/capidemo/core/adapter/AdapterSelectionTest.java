package com.capidemo.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdapterSelectionTest {

    private static final Map<Port, String> LOCAL_WAREHOUSE = Map.of(Port.WAREHOUSE, "duckdb", Port.OBJECTS, "local");

    private static AdapterSelection select(String mode, Map<Port, String> explicit, String projectId) {
        return new AdapterSelection(mode, explicit, Optional.ofNullable(projectId), Optional.empty(), Optional.empty());
    }

    @Test
    void localModeSelectsEveryLocalAdapter() {
        AdapterSelection s = select("local", Map.of(), null);
        for (Port port : Port.values()) {
            assertThat(s.isLocal(port)).as(port.key()).isTrue();
        }
        assertThat(s.usesSqlite()).isTrue();
    }

    @Test
    void aPortKeyOverridesTheModeDefault() {
        AdapterSelection s = select("gcp", LOCAL_WAREHOUSE, "demo-project");
        assertThat(s.isLocal(Port.STORE)).isFalse();
        assertThat(s.isLocal(Port.QUICK_QUEUE)).isFalse();
        assertThat(s.isLocal(Port.WAREHOUSE)).isTrue();
        assertThat(s.projectId()).isEqualTo("demo-project");
    }

    @Test
    void gcpModeSelectsEveryGcpAdapterAndNeedsNoSqlite() {
        AdapterSelection s = select("gcp", Map.of(), "demo-project");
        for (Port port : Port.values()) {
            assertThat(s.isLocal(port)).as(port.key()).isEqualTo(!port.hasGcpAdapter());
        }
        assertThat(s.value(Port.TEMPLATE_DATA)).isEqualTo("duckdb");
        assertThat(s.usesSqlite()).isFalse();
        assertThatThrownBy(() -> select("gcp", Map.of(), null)).hasMessageContaining("platform.gcp.project-id");
    }

    @Test
    void unknownValuesAndUnsafeCombinationsAreRefused() {
        assertThatThrownBy(() -> select("cloud", Map.of(), null)).hasMessageContaining("platform.mode");
        assertThatThrownBy(() -> select("local", Map.of(Port.STORE, "postgres"), null))
                .hasMessageContaining("platform.store must be sqlite or firestore");
        assertThatThrownBy(() -> select("gcp", Map.of(Port.TEMPLATE_DATA, "bigquery"), "p"))
                .hasMessageContaining("platform.template-data must be duckdb, not 'bigquery'");
        assertThatThrownBy(() -> select("local", Map.of(Port.STORE, "firestore"), "p"))
                .hasMessageContaining("needs platform.store=sqlite");
        assertThatThrownBy(() -> select(
                        "local",
                        Map.of(Port.STORE, "firestore", Port.QUICK_QUEUE, "pubsub", Port.CUSTOM_QUEUE, "cloudtasks"),
                        null))
                .hasMessageContaining("platform.gcp.project-id");
    }

    @Test
    void theLocalTaskQueueServesFirestoreStoresWhereTheOutboxCannot() {
        // the emulator wiring of ./platform up --gcp-emulators: Firestore and Pub/Sub, Cloud Tasks → the task table
        AdapterSelection s = select(
                "gcp",
                Map.of(
                        Port.CUSTOM_QUEUE, "local",
                        Port.WAREHOUSE, "duckdb",
                        Port.OBJECTS, "local",
                        Port.CRYPTO, "tink",
                        Port.AGENTS, "local",
                        Port.LLM, "local"),
                "demo-project");
        assertThat(s.isLocal(Port.STORE)).isFalse();
        assertThat(s.isLocal(Port.QUICK_QUEUE)).isFalse();
        assertThat(s.isLocal(Port.EVENTS)).isFalse();
        assertThat(s.isLocal(Port.CUSTOM_QUEUE)).isTrue();
        assertThat(s.usesSqlite()).as("the task table is in the SQLite file").isTrue();
        assertThatThrownBy(() -> select("gcp", Map.of(Port.QUICK_QUEUE, "local"), "demo-project"))
                .hasMessageContaining("platform.queue.quick.transport=local")
                .hasMessageContaining("needs platform.store=sqlite");
    }
}
