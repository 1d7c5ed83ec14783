package com.capidemo.core.pipeline;

import java.util.Map;

/** One step of a pipeline YAML: its id (unique in the pipeline), its type (a registered step) and its settings. */
public record StepDefinition(String id, String type, String description, Map<String, Object> config) {

    public StepDefinition {
        config = config == null ? Map.of() : config;
    }

    public String string(String key) {
        Object v = config.get(key);
        return v == null ? null : v.toString();
    }

    /** A required setting; a missing one is a configuration error reported at load time. */
    public String requireString(String key) {
        String v = string(key);
        if (v == null || v.isBlank()) {
            throw new PipelineException("step '" + id + "' (" + type + ") needs '" + key + "'");
        }
        return v;
    }
}
