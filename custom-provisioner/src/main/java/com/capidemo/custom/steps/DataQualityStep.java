package com.capidemo.custom.steps;

import com.capidemo.core.domain.DqResult;
import com.capidemo.core.pipeline.PipelineException;
import com.capidemo.core.pipeline.StepDefinition;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.Warehouse;
import com.capidemo.custom.pipeline.PipelineRunner;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code dq_check}: data-quality checks on one table — row_count (min/max), not_null (column), unique (columns) and
 * accepted_values (column, values). Each check yields a dq_results row. A failed check of severity {@code error}
 * (the default) halts the pipeline after this step; {@code warn} only records it.
 */
@ApplicationScoped
public class DataQualityStep implements PipelineStep {

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> TYPES = List.of("row_count", "not_null", "unique", "accepted_values");

    private final Warehouse warehouse;
    private final Clock clock;

    public DataQualityStep(Warehouse warehouse, Clock clock) {
        this.clock = clock;
        this.warehouse = warehouse;
    }

    @Override
    public String type() {
        return "dq_check";
    }

    @Override
    public void validate(StepDefinition step) {
        ident(step, step.requireString("dataset"));
        ident(step, step.requireString("table"));
        for (Map<String, Object> check : checks(step)) {
            Object type = check.get("type");
            if (!TYPES.contains(String.valueOf(type))) {
                throw new PipelineException("step '" + step.id() + "': check type must be one of " + TYPES);
            }
            for (String column : columns(check)) {
                ident(step, column);
            }
            if (!"row_count".equals(type) && columns(check).isEmpty()) {
                throw new PipelineException("step '" + step.id() + "': check " + check.get("name") + " needs a column");
            }
        }
    }

    @Override
    public Map<String, Object> run(StepContext context) {
        StepDefinition step = context.step();
        String dataset = step.requireString("dataset");
        String table = step.requireString("table");
        List<DqResult> results = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        for (Map<String, Object> check : checks(step)) {
            DqResult result = evaluate(dataset, table, check);
            results.add(result);
            context.log("check " + result.checkName() + " (" + result.checkType() + ") " + result.status()
                    + ": observed " + result.observedValue() + ", expected " + result.expectedValue());
            if (!result.passed() && !"warn".equals(check.get("severity"))) {
                blocking.add(result.checkName());
            }
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("table", table);
        output.put("dq_results", results);
        output.put("passed", results.stream().filter(DqResult::passed).count());
        output.put("failed", results.stream().filter(r -> !r.passed()).count());
        if (!blocking.isEmpty()) {
            output.put(
                    PipelineRunner.HALT, "data-quality checks failed on " + table + ": " + String.join(", ", blocking));
        }
        return output;
    }

    private DqResult evaluate(String dataset, String table, Map<String, Object> check) {
        String type = String.valueOf(check.get("type"));
        List<String> cols = columns(check);
        String observed;
        String expected;
        boolean passed;
        switch (type) {
            case "row_count" -> {
                long rows = scalar(dataset, "SELECT count(*) FROM " + table);
                long min = number(check.get("min"), 1);
                long max = number(check.get("max"), Long.MAX_VALUE);
                observed = String.valueOf(rows);
                expected = max == Long.MAX_VALUE ? ">= " + min : min + ".." + max;
                passed = rows >= min && rows <= max;
            }
            case "not_null" -> {
                long nulls = scalar(dataset, "SELECT count(*) FROM " + table + " WHERE " + cols.get(0) + " IS NULL");
                observed = nulls + " nulls";
                expected = "0 nulls";
                passed = nulls == 0;
            }
            case "unique" -> {
                String key = String.join(", ", cols);
                long dupes = scalar(
                        dataset,
                        "SELECT count(*) FROM (SELECT " + key + " FROM " + table + " GROUP BY " + key
                                + " HAVING count(*) > 1) d");
                observed = dupes + " duplicate keys";
                expected = "0 duplicate keys";
                passed = dupes == 0;
            }
            default -> {
                List<String> values = check.get("values") instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList()
                        : List.of();
                String in = String.join(
                        ", ",
                        values.stream()
                                .map(v -> "'" + v.replace("'", "''") + "'")
                                .toList());
                long other = scalar(
                        dataset,
                        "SELECT count(*) FROM " + table + " WHERE " + cols.get(0) + " IS NOT NULL AND CAST("
                                + cols.get(0) + " AS VARCHAR) NOT IN (" + (in.isEmpty() ? "NULL" : in) + ")");
                observed = other + " rows outside the list";
                expected = "values in " + values;
                passed = other == 0;
            }
        }
        return new DqResult(
                table,
                String.valueOf(check.getOrDefault("name", type)),
                type,
                passed ? "PASSED" : "FAILED",
                observed,
                expected,
                clock.instant().toString());
    }

    private long scalar(String dataset, String sql) {
        QueryResult r = warehouse.query(dataset, sql, 1);
        return ((Number) r.rows().get(0).get(0)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> checks(StepDefinition step) {
        if (!(step.config().get("checks") instanceof List<?> list) || list.isEmpty()) {
            throw new PipelineException("step '" + step.id() + "' (dq_check) needs a non-empty 'checks' list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?>)) {
                throw new PipelineException("step '" + step.id() + "': every check must be a mapping");
            }
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    private static List<String> columns(Map<String, Object> check) {
        if (check.get("columns") instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return check.get("column") == null ? List.of() : List.of(String.valueOf(check.get("column")));
    }

    private static long number(Object value, long fallback) {
        return value instanceof Number n ? n.longValue() : value == null ? fallback : Long.parseLong(value.toString());
    }

    private static void ident(StepDefinition step, String name) {
        if (!IDENT.matcher(name).matches()) {
            throw new PipelineException("step '" + step.id() + "': '" + name + "' is not a plain identifier");
        }
    }
}
