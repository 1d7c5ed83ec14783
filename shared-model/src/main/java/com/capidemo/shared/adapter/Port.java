package com.capidemo.shared.adapter;

import com.capidemo.shared.config.AdapterConfig;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ports chosen by configuration, each with its key, its local and its gcp adapter. {@code gcpWired} is false
 * while the gcp adapter has no producer yet: asking for it then fails the start instead of falling back.
 */
public enum Port {
    STORE("platform.store", "sqlite", "firestore", true, AdapterConfig::store),
    QUICK_QUEUE("platform.queue.quick.transport", "local", "pubsub", true, c -> c.queue().quick().transport()),
    CUSTOM_QUEUE("platform.queue.custom.transport", "local", "cloudtasks", false, c -> c.queue().custom().transport()),
    WAREHOUSE("platform.warehouse", "duckdb", "bigquery", false, AdapterConfig::warehouse),
    OBJECTS("platform.objects", "local", "gcs", false, AdapterConfig::objects),
    CRYPTO("platform.crypto", "tink", "kms", false, AdapterConfig::crypto),
    AGENTS("platform.agents", "local", "capi", false, AdapterConfig::agents);

    final String key;
    final String local;
    final String gcp;
    final boolean gcpWired;
    final Function<AdapterConfig, Optional<String>> configured;

    Port(String key, String local, String gcp, boolean gcpWired, Function<AdapterConfig, Optional<String>> configured) {
        this.key = key;
        this.local = local;
        this.gcp = gcp;
        this.gcpWired = gcpWired;
        this.configured = configured;
    }

    public String key() {
        return key;
    }
}
