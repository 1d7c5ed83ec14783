package com.capidemo.shared.adapter.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTableNamesTest {

    @Test
    void findsTablesAfterFromAndJoin() {
        assertThat(SqlTableNames.referencedTables(
                "SELECT * FROM sales s JOIN stores ON true LEFT JOIN \"products\" p USING (product_id)"))
                .containsExactly("sales", "stores", "products");
    }

    @Test
    void ignoresCtesSubqueriesFunctionFromsAndLiterals() {
        String sql = "WITH monthly AS (SELECT EXTRACT(MONTH FROM sold_at) m, TRIM(BOTH ' ' FROM city) c FROM sales), "
                + "top AS (SELECT * FROM (SELECT * FROM monthly) x) "
                + "SELECT * FROM top WHERE c <> 'from returns' AND m IN (SELECT unnest FROM unnest([1, 2]))";
        assertThat(SqlTableNames.referencedTables(sql)).containsExactly("sales");
    }

    @Test
    void keepsQualifiedNamesWholeSoTheyDoNotPassForBareOnes() {
        assertThat(SqlTableNames.referencedTables("SELECT 1 FROM demo_ds.sales")).containsExactly("demo_ds.sales");
    }
}
