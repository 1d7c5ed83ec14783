package com.capidemo.core.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's configs/templates directory from the module or repository working directory. */
public final class TemplateTestSupport {

    private TemplateTestSupport() {}

    public static Path templatesDir() {
        for (String candidate : new String[] {"configs/templates", "../configs/templates", "../../configs/templates"}) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "configs/templates not found from " + Path.of("").toAbsolutePath());
    }

    public static TemplateCatalog catalog() {
        return TemplateCatalog.load(templatesDir());
    }

    /** A small valid template YAML (two tables, one golden query) whose id is {@code id}. */
    public static String validTemplate(String id) {
        return """
                template_id: tiny
                name: Tiny Template
                industry: Testing
                description: Two small tables.
                tags: [test]
                estimated_seconds: 1
                data_version: 1
                system_instruction: |
                  Answer questions about parents and children.
                tables:
                  - name: parents
                    rows: 10
                    description: Parents.
                    primary_key: parent_id
                    foreign_keys: []
                    sql: |
                      SELECT i + 1 AS parent_id FROM range(10) t(i)
                  - name: children
                    rows: 20
                    description: Children.
                    primary_key: child_id
                    foreign_keys:
                      - {column: parent_id, references: parents.parent_id}
                    sql: |
                      SELECT i + 1 AS child_id, 1 + i % 10 AS parent_id FROM range(20) t(i)
                golden_queries:
                  - question: How many children does each parent have?
                    sql: |
                      SELECT parent_id, count(*) AS children FROM children GROUP BY 1 ORDER BY 1
                    complexity: simple
                    expected_result_type: table
                """.replace("template_id: tiny", "template_id: " + id);
    }
}
