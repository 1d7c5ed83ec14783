package com.capidemo.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.sql.TableReferences.TableRef;
import com.capidemo.core.sql.TableReferences.TableRef.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableReferencesTest {

    private static List<String> refs(String sql) {
        return TableReferences.find(SqlLexer.tokens(sql)).stream()
                .map(r -> r.kind() + ":" + r.name()
                        + r.alias().map(a -> " as " + a).orElse("") + (r.listed() ? " listed" : "")
                        + (r.depth() > 0 ? " depth " + r.depth() : ""))
                .toList();
    }

    // the three below moved here with SqlTableNames (adapters-gcp), assertions unchanged

    @Test
    void findsTablesAfterFromAndJoin() {
        assertThat(TableReferences.tables(
                        "SELECT * FROM sales s JOIN stores ON true LEFT JOIN \"products\" p USING (product_id)"))
                .containsExactly("sales", "stores", "products");
    }

    @Test
    void ignoresCtesSubqueriesFunctionFromsAndLiterals() {
        String sql = "WITH monthly AS (SELECT EXTRACT(MONTH FROM sold_at) m, TRIM(BOTH ' ' FROM city) c FROM sales), "
                + "top AS (SELECT * FROM (SELECT * FROM monthly) x) "
                + "SELECT * FROM top WHERE c <> 'from returns' AND m IN (SELECT unnest FROM unnest([1, 2]))";
        assertThat(TableReferences.tables(sql)).containsExactly("sales");
    }

    @Test
    void keepsQualifiedNamesWholeSoTheyDoNotPassForBareOnes() {
        assertThat(TableReferences.tables("SELECT 1 FROM demo_ds.sales")).containsExactly("demo_ds.sales");
    }

    @Test
    void tellsEveryKindOfTablePositionApart() {
        assertThat(refs("SELECT * FROM orders o, 'f.csv', 42, read_csv('x') r, main.t AS m, (SELECT 1) s, "
                        + "LATERAL unnest(o.items) JOIN \"Customers\" c ON c.id = o.cid"))
                .containsExactly(
                        "TABLE:orders as o",
                        "STRING:f.csv listed",
                        "NUMBER:42 listed",
                        "FUNCTION:read_csv listed",
                        "QUALIFIED:main.t as m listed",
                        "SUBQUERY: listed",
                        "FUNCTION:unnest listed",
                        "TABLE:customers as c");
    }

    @Test
    void aliasesAreNeverJoinOrClauseWords() {
        assertThat(refs("SELECT * FROM a LEFT JOIN b USING (k) JOIN c AS x ON true NATURAL JOIN d WHERE 1 = 1"))
                .containsExactly("TABLE:a", "TABLE:b", "TABLE:c as x", "TABLE:d");
        TableRef quoted = TableReferences.find(SqlLexer.tokens("SELECT 1 FROM t \"Left\""))
                .get(0);
        assertThat(quoted.alias()).isEqualTo(Optional.of("Left"));
        assertThat(quoted.index()).isEqualTo(3);
    }

    @Test
    void withNamesCountOnlyInTheScopeThatDefinesThem() {
        assertThat(refs("SELECT * FROM (WITH w AS (SELECT * FROM t) SELECT * FROM w) q JOIN w ON true"))
                .containsExactly("SUBQUERY:", "TABLE:t depth 2", "CTE:w depth 1", "TABLE:w");
        assertThat(refs("WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r"))
                .containsExactly("CTE:r depth 1", "CTE:r");
    }

    @Test
    void fromInsideAnExpressionIsNoTable() {
        assertThat(refs("SELECT extract(year FROM d), substring(s FROM 2), trim(' ' FROM x) FROM t WHERE y IN "
                        + "(SELECT z FROM u)"))
                .containsExactly("TABLE:t", "TABLE:u depth 1");
    }

    @Test
    void namedFindsEveryTableTheSqlMentionsAndCatalogueReadsAreSeen() {
        List<String> tables = List.of("orders", "customers", "items");
        assertThat(TableReferences.named(
                        SqlLexer.tokens("SELECT o.id FROM ds.orders o WHERE o.note = 'items'"), tables))
                .containsExactly("orders", "items");
        assertThat(TableReferences.named(SqlLexer.tokens("SELECT 'my customers' AS \"CUSTOMERS\""), tables))
                .containsExactly("customers");
        assertThat(TableReferences.named(SqlLexer.tokens("SELECT 1 -- orders"), tables))
                .isEmpty();
        assertThat(TableReferences.readsCatalogue(SqlLexer.tokens("SELECT * FROM information_schema.columns")))
                .isTrue();
        assertThat(TableReferences.readsCatalogue(SqlLexer.tokens("SELECT * FROM duckdb_tables()")))
                .isTrue();
        assertThat(TableReferences.readsCatalogue(SqlLexer.tokens("SELECT 'duckdb_tables' FROM orders")))
                .isFalse();
        assertThat(TableReferences.find(SqlLexer.tokens("SELECT 1")))
                .extracting(TableRef::kind)
                .isEmpty();
        assertThat(Kind.values()).hasSize(7);
    }
}
