package com.capidemo.core.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Pipeline templates in {@code configs/{provider}/{domain}/{template_name}.yml}. Read on every request, so a template
 * added or fixed on disk is used by the next run without a restart.
 */
public final class PipelineCatalog {

    /** Path parts are plain names: nothing can climb out of configs/. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private static final Pattern STEP_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path configs;

    public PipelineCatalog(Path configs) {
        this.configs = configs;
    }

    public static boolean validName(String part) {
        return part != null && NAME.matcher(part).matches();
    }

    /** The template file, if the names are valid and it exists. */
    public Optional<Path> find(String provider, String domain, String templateName) {
        if (!validName(provider) || !validName(domain) || !validName(templateName)) {
            return Optional.empty();
        }
        Path file = configs.resolve(provider).resolve(domain).resolve(templateName + ".yml");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Reads the template and substitutes the variables; a template that cannot run (bad YAML, no steps, duplicate
     * or malformed step ids, unknown variables, unknown step types) fails here, before any step runs.
     */
    public PipelineDefinition load(Path file, Variables variables, Set<String> knownStepTypes) {
        Map<String, Object> raw;
        try {
            raw = YAML.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new PipelineException("cannot read pipeline " + configs.relativize(file) + ": " + e.getMessage(), e);
        }
        if (raw == null || !(raw.get("steps") instanceof List<?> rawSteps) || rawSteps.isEmpty()) {
            throw new PipelineException("pipeline " + configs.relativize(file) + " has no steps");
        }
        String name = String.valueOf(
                raw.getOrDefault("pipeline", file.getFileName().toString().replace(".yml", "")));
        List<StepDefinition> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object o : rawSteps) {
            if (!(o instanceof Map<?, ?> stepMap)) {
                throw new PipelineException("pipeline " + name + ": every step must be a mapping");
            }
            Map<String, Object> config = new LinkedHashMap<>();
            stepMap.forEach((k, v) -> config.put(String.valueOf(k), v));
            String id = String.valueOf(config.remove("id"));
            String type = String.valueOf(config.remove("type"));
            Object description = config.remove("description");
            if (!STEP_ID.matcher(id).matches() || !ids.add(id)) {
                throw new PipelineException(
                        "pipeline " + name + ": step id '" + id + "' is missing, malformed or repeated");
            }
            if (!knownStepTypes.contains(type)) {
                throw new PipelineException("pipeline " + name + ": step '" + id + "' has unknown type '" + type
                        + "' (known: " + String.join(", ", new TreeSet<>(knownStepTypes)) + ")");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> substituted = (Map<String, Object>) substitute(variables, config, name, id);
            steps.add(new StepDefinition(id, type, description == null ? null : description.toString(), substituted));
        }
        Object description = raw.get("description");
        return new PipelineDefinition(
                name, description == null ? null : description.toString().strip(), steps);
    }

    /** The step ids and types of a template in order, read without resolving variables (for status pages). */
    public List<Map<String, String>> outline(Path file) {
        try {
            Map<String, Object> raw =
                    YAML.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
            List<Map<String, String>> steps = new ArrayList<>();
            if (raw != null && raw.get("steps") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m) {
                        steps.add(
                                Map.of("step_id", String.valueOf(m.get("id")), "type", String.valueOf(m.get("type"))));
                    }
                }
            }
            return steps;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Object substitute(Variables variables, Map<String, Object> config, String pipeline, String stepId) {
        try {
            return variables.applyDeep(config);
        } catch (PipelineException e) {
            throw new PipelineException("pipeline " + pipeline + ", step '" + stepId + "': " + e.getMessage());
        }
    }
}
