package com.capidemo.core.adapter;

import com.capidemo.core.config.PlatformConfig;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ports chosen by configuration, each with its key, its local and its gcp adapter. A port without a gcp adapter
 * (gcp {@code null}) is served by its local adapter in both modes.
 */
public enum Port {
    STORE("platform.store", "sqlite", "firestore", PlatformConfig::store),
    QUICK_QUEUE(
            "platform.queue.quick.transport",
            "local",
            "pubsub",
            c -> c.queue().quick().transport()),
    CUSTOM_QUEUE(
            "platform.queue.custom.transport",
            "local",
            "cloudtasks",
            c -> c.queue().custom().transport()),
    WAREHOUSE("platform.warehouse", "duckdb", "bigquery", PlatformConfig::warehouse),
    OBJECTS("platform.objects", "local", "gcs", PlatformConfig::objects),
    CRYPTO("platform.crypto", "tink", "kms", PlatformConfig::crypto),
    AGENTS("platform.agents", "local", "capi", PlatformConfig::agents),
    EVENTS("platform.events", "local", "pubsub", PlatformConfig::events),
    LLM("platform.llm", "local", "gemini", PlatformConfig::llm),
    /**
     * Template and designed-demo tables generated as parquet files. DuckDB (in process) serves both modes; a gcp
     * counterpart would generate in BigQuery and EXPORT DATA to Cloud Storage, and is not built.
     */
    TEMPLATE_DATA("platform.template-data", "duckdb", null, PlatformConfig::templateData);

    final String key;
    final String local;
    final String gcp;
    final Function<PlatformConfig, Optional<String>> configured;

    Port(String key, String local, String gcp, Function<PlatformConfig, Optional<String>> configured) {
        this.key = key;
        this.local = local;
        this.gcp = gcp;
        this.configured = configured;
    }

    public String key() {
        return key;
    }

    /** Whether a gcp adapter exists for this port; when not, gcp mode uses the local one. */
    public boolean hasGcpAdapter() {
        return gcp != null;
    }

    /** The value gcp mode selects by default. */
    String gcpDefault() {
        return gcp == null ? local : gcp;
    }
}
