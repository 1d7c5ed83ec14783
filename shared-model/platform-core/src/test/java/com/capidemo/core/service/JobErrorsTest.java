package com.capidemo.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobErrorsTest {

    @Test
    void generatedSqlAndClassNamesNeverReachTheUser() {
        String engine = "Template custom_x: generating table customers failed: java.sql.SQLException: Parser Error: "
                + "unterminated quoted string at or near \"'nul\"\nLINE 1: SELECT hash(_i, 'nul|x') FROM range(10)";
        String shown = JobErrors.describe(new IllegalStateException(engine));
        assertThat(shown)
                .doesNotContain("SELECT")
                .doesNotContain("LINE 1")
                .doesNotContain("java.sql")
                .startsWith("Template custom_x: generating table customers failed");
        assertThat(JobErrors.describe("query failed: SELECT a FROM t WHERE x = 'Nul'"))
                .doesNotContain("SELECT a FROM")
                .contains("generated SQL omitted");
        assertThat(JobErrors.describe(new RuntimeException((String) null))).isEqualTo("unexpected error");
        assertThat(JobErrors.describe("x".repeat(5000))).hasSizeLessThanOrEqualTo(JobErrors.MAX + 1);
    }

    @Test
    void ourOwnMessagesPassUnchanged() {
        assertThat(JobErrors.describe("data-quality checks failed on bill: row_count"))
                .isEqualTo("data-quality checks failed on bill: row_count");
        assertThat(JobErrors.describe("table not found: acme.orders")).isEqualTo("table not found: acme.orders");
    }
}
