package com.capidemo.core.adapter;

import com.capidemo.core.config.AdapterConfig;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ports chosen by configuration, each with its key, its local and its gcp adapter.
 */
public enum Port {
    STORE("platform.store", "sqlite", "firestore", AdapterConfig::store),
    QUICK_QUEUE("platform.queue.quick.transport", "local", "pubsub", c -> c.queue().quick().transport()),
    CUSTOM_QUEUE("platform.queue.custom.transport", "local", "cloudtasks", c -> c.queue().custom().transport()),
    WAREHOUSE("platform.warehouse", "duckdb", "bigquery", AdapterConfig::warehouse),
    OBJECTS("platform.objects", "local", "gcs", AdapterConfig::objects),
    CRYPTO("platform.crypto", "tink", "kms", AdapterConfig::crypto),
    AGENTS("platform.agents", "local", "capi", AdapterConfig::agents),
    EVENTS("platform.events", "local", "pubsub", AdapterConfig::events),
    LLM("platform.llm", "local", "gemini", AdapterConfig::llm);

    final String key;
    final String local;
    final String gcp;
    final Function<AdapterConfig, Optional<String>> configured;

    Port(String key, String local, String gcp, Function<AdapterConfig, Optional<String>> configured) {
        this.key = key;
        this.local = local;
        this.gcp = gcp;
        this.configured = configured;
    }

    public String key() {
        return key;
    }
}
