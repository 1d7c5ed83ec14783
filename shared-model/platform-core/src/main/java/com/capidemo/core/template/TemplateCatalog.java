package com.capidemo.core.template;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo templates declared as {@code {template_id}.yml} files in one directory. Every file is parsed and
 * validated when the catalogue is loaded; a file that does not describe a usable template fails the load with an
 * {@link IllegalStateException} naming the file and the problem.
 */
public final class TemplateCatalog {

    public static final Set<String> COMPLEXITIES = Set.of("simple", "moderate", "complex");
    public static final Set<String> RESULT_TYPES =
            Set.of("single_value", "table", "time_series", "ranking", "distribution");

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<TemplateDefinition> templates;
    private final Map<String, TemplateDefinition> byId;

    private TemplateCatalog(List<TemplateDefinition> templates) {
        this.templates = templates.stream()
                .sorted(Comparator.comparing(TemplateDefinition::templateId))
                .toList();
        Map<String, TemplateDefinition> index = new LinkedHashMap<>();
        this.templates.forEach(t -> index.put(t.templateId(), t));
        this.byId = Map.copyOf(index);
    }

    /** Reads and validates every {@code *.yml} file in {@code templatesDir}. */
    public static TemplateCatalog load(Path templatesDir) {
        if (!Files.isDirectory(templatesDir)) {
            throw new IllegalStateException("Template directory " + templatesDir + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(templatesDir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list template directory " + templatesDir, e);
        }
        List<TemplateDefinition> loaded = new ArrayList<>();
        for (Path file : files) {
            loaded.add(read(file));
        }
        return new TemplateCatalog(loaded);
    }

    /** Parses and validates one template file. */
    public static TemplateDefinition read(Path file) {
        String fileName = file.getFileName().toString();
        TemplateDefinition template;
        try {
            template = YAML.readValue(file.toFile(), TemplateDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Template file " + fileName + " is not valid template YAML: " + e.getMessage(), e);
        }
        if (template == null) {
            throw new IllegalStateException("Template file " + fileName + " is empty");
        }
        List<String> problems = validate(template, fileName.substring(0, fileName.length() - ".yml".length()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Template file " + fileName + " is invalid: " + String.join("; ", problems));
        }
        return template;
    }

    /** Returns the problems found in {@code t}; empty when the template is usable. */
    static List<String> validate(TemplateDefinition t, String expectedId) {
        List<String> problems = new ArrayList<>();
        if (!expectedId.equals(t.templateId())) {
            problems.add("template_id '" + t.templateId() + "' must equal the file name '" + expectedId + "'");
        }
        if (blank(t.name())) {
            problems.add("name is missing");
        }
        if (blank(t.industry())) {
            problems.add("industry is missing");
        }
        if (t.tables().isEmpty()) {
            problems.add("no tables declared");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < t.tables().size(); i++) {
            TableSpec table = t.tables().get(i);
            String where = "table #" + (i + 1) + (table.name() == null ? "" : " '" + table.name() + "'");
            if (table.name() == null || !SNAKE_CASE.matcher(table.name()).matches()) {
                problems.add(where + ": name must be a snake_case identifier");
            } else if (!names.add(table.name())) {
                problems.add(where + ": duplicate table name");
            }
            if (table.rows() <= 0) {
                problems.add(where + ": rows must be > 0");
            }
            if (blank(table.sql())) {
                problems.add(where + ": sql is missing");
            }
            if (table.primaryKey() != null
                    && !SNAKE_CASE.matcher(table.primaryKey()).matches()) {
                problems.add(where + ": primary_key must be a snake_case column name");
            }
        }
        for (TableSpec table : t.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                String where = "table '" + table.name() + "' foreign key " + fk.column();
                if (fk.column() == null || !SNAKE_CASE.matcher(fk.column()).matches()) {
                    problems.add(where + ": column must be a snake_case column name");
                }
                if (fk.referencedTable() == null || fk.referencedColumn() == null) {
                    problems.add(where + ": references must be 'table.column', got '" + fk.references() + "'");
                } else if (!names.contains(fk.referencedTable())) {
                    problems.add(where + ": references unknown table '" + fk.referencedTable() + "'");
                }
            }
        }
        for (int i = 0; i < t.goldenQueries().size(); i++) {
            GoldenQuery q = t.goldenQueries().get(i);
            String where = "golden query #" + (i + 1);
            if (blank(q.question())) {
                problems.add(where + ": question is missing");
            }
            if (blank(q.sql())) {
                problems.add(where + ": sql is missing");
            }
            if (blank(q.complexity())) {
                problems.add(where + ": complexity is missing");
            } else if (!COMPLEXITIES.contains(q.complexity())) {
                problems.add(where + ": complexity '" + q.complexity() + "' is not one of " + sorted(COMPLEXITIES));
            }
            if (blank(q.expectedResultType())) {
                problems.add(where + ": expected_result_type is missing");
            } else if (!RESULT_TYPES.contains(q.expectedResultType())) {
                problems.add(where + ": expected_result_type '" + q.expectedResultType() + "' is not one of "
                        + sorted(RESULT_TYPES));
            }
        }
        return problems;
    }

    /** All templates, sorted by template_id. */
    public List<TemplateDefinition> all() {
        return templates;
    }

    public Optional<TemplateDefinition> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
