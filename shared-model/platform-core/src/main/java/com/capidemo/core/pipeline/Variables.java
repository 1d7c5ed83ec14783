package com.capidemo.core.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code {name}} placeholders ({tenant_id} {provider} {domain} {template_name} {pipeline_id} and run
 * parameters) in every string of a pipeline. A placeholder with no value is an error, found before anything runs.
 * Only lower-case identifiers in braces are placeholders, so JSON or SQL struct literals pass through untouched.
 */
public final class Variables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

    private final Map<String, String> values;

    public Variables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public Map<String, String> values() {
        return values;
    }

    public String apply(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        TreeSet<String> missing = new TreeSet<>();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new PipelineException("unknown variable" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(v -> "{" + v + "}").toList()));
        }
        return out.toString();
    }

    /** Applies the substitution to every string inside maps and lists. */
    @SuppressWarnings("unchecked")
    public Object applyDeep(Object value) {
        if (value instanceof String s) {
            return apply(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), applyDeep(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(applyDeep(v)));
            return out;
        }
        return value;
    }
}
