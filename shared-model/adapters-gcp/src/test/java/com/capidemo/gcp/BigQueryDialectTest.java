package com.capidemo.gcp;

import static com.capidemo.gcp.BigQueryDialect.fromDuckDb;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DuckDB to GoogleSQL rewriting, checked on text only: whether a translation means the same on BigQuery can only be
 * checked against real BigQuery, which this machine cannot reach. The corpus test proves every query we ship and
 * generate loses its DuckDB-only syntax (BigQueryDialectCorpusTest, in demo-designer, which generates them).
 */
class BigQueryDialectTest {

    @Test
    void castsBecomeCastWithGoogleSqlTypes() {
        assertThat(fromDuckDb("SELECT a::INTEGER, t.b::DOUBLE, 'x'::VARCHAR, 1::BIGINT, c::DECIMAL(10,2), d::BOOLEAN"))
                .isEqualTo("SELECT CAST(a AS INT64), CAST(t.b AS FLOAT64), CAST('x' AS STRING), CAST(1 AS INT64), "
                        + "CAST(c AS NUMERIC(10, 2)), CAST(d AS BOOL)");
        assertThat(fromDuckDb("SELECT coalesce(n, 0)::VARCHAR, (k + 1)::INTEGER, ts::TIMESTAMP::DATE"))
                .isEqualTo("SELECT CAST(coalesce(n, 0) AS STRING), CAST((k + 1) AS INT64), "
                        + "CAST(CAST(ts AS TIMESTAMP) AS DATE)");
        assertThat(fromDuckDb("SELECT CAST(x AS VARCHAR), TRY_CAST(y AS REAL)"))
                .isEqualTo("SELECT CAST(x AS STRING), SAFE_CAST(y AS FLOAT64)");
    }

    @Test
    void dateTruncPutsTheUnitLast() {
        assertThat(fromDuckDb("SELECT date_trunc('month', o.created_at)::DATE AS month"))
                .isEqualTo("SELECT CAST(DATE_TRUNC(o.created_at, MONTH) AS DATE) AS month");
        assertThat(fromDuckDb("SELECT date_trunc('week', d)")).isEqualTo("SELECT DATE_TRUNC(d, ISOWEEK)");
    }

    @Test
    void filterBecomesCountIfOrCase() {
        assertThat(fromDuckDb("SELECT count(*) FILTER (WHERE status = 'paid') AS paid FROM o"))
                .isEqualTo("SELECT COUNTIF(status = 'paid') AS paid FROM o");
        assertThat(fromDuckDb("SELECT sum(amount) FILTER (WHERE paid) FROM o"))
                .isEqualTo("SELECT sum(CASE WHEN paid THEN amount END) FROM o");
        assertThat(fromDuckDb("SELECT count(DISTINCT a.id) FILTER (WHERE a.mrr > 0) FROM a"))
                .isEqualTo("SELECT count(DISTINCT CASE WHEN a.mrr > 0 THEN a.id END) FROM a");
    }

    @Test
    void datePartsBecomeExtract() {
        assertThat(fromDuckDb("SELECT year(d), month(d), day(last_day(d)), quarter(d), dayofweek(d)"))
                .isEqualTo("SELECT EXTRACT(YEAR FROM d), EXTRACT(MONTH FROM d), EXTRACT(DAY FROM last_day(d)), "
                        + "EXTRACT(QUARTER FROM d), (EXTRACT(DAYOFWEEK FROM d) - 1)");
        assertThat(fromDuckDb("SELECT year(d) || '-Q' || quarter(d)"))
                .isEqualTo(
                        "SELECT CAST(EXTRACT(YEAR FROM d) AS STRING) || '-Q' || CAST(EXTRACT(QUARTER FROM d) AS STRING)");
    }

    @Test
    void dateDiffSwapsArguments() {
        assertThat(fromDuckDb("SELECT date_diff('day', a, b), datediff('year', c.dob, DATE '2025-10-31')"))
                .isEqualTo("SELECT DATE_DIFF(b, a, DAY), DATE_DIFF(DATE '2025-10-31', c.dob, YEAR)");
        assertThat(fromDuckDb("SELECT date_diff('second', s, e)")).isEqualTo("SELECT TIMESTAMP_DIFF(e, s, SECOND)");
    }

    @Test
    void intervalsUseANumberAndASingularUnit() {
        assertThat(fromDuckDb("SELECT d + INTERVAL '30 days', d - INTERVAL 3 MONTHS, d + INTERVAL '1' YEAR"))
                .isEqualTo("SELECT d + INTERVAL 30 DAY, d - INTERVAL 3 MONTH, d + INTERVAL 1 YEAR");
        assertThat(fromDuckDb("SELECT d + to_months(k::INTEGER)"))
                .isEqualTo("SELECT d + MAKE_INTERVAL(month => CAST(k AS INT64))");
    }

    @Test
    void statisticalAggregatesBecomeApproximations() {
        assertThat(fromDuckDb("SELECT median(x)")).isEqualTo("SELECT APPROX_QUANTILES(x, 2)[OFFSET(1)]");
        assertThat(fromDuckDb("SELECT quantile_cont(x, 0.9), quantile(y, 0.25)"))
                .isEqualTo("SELECT APPROX_QUANTILES(x, 100)[OFFSET(90)], APPROX_QUANTILES(y, 100)[OFFSET(25)]");
        assertThat(fromDuckDb("SELECT mode(q.defect)"))
                .isEqualTo("SELECT COALESCE(APPROX_TOP_COUNT(q.defect, 2)"
                        + "[SAFE_OFFSET(0)].value, APPROX_TOP_COUNT(q.defect, 2)[SAFE_OFFSET(1)].value)");
    }

    @Test
    void stringFunctionsAndIlike() {
        assertThat(fromDuckDb("SELECT strftime(d, '%Y-%m'), epoch(ts) FROM t WHERE name ILIKE '%acme%'"))
                .isEqualTo("SELECT FORMAT_TIMESTAMP('%Y-%m', d), UNIX_SECONDS(ts) FROM t "
                        + "WHERE LOWER(name) LIKE LOWER('%acme%')");
        assertThat(fromDuckDb("SELECT a || b FROM t WHERE c.n NOT ILIKE p"))
                .isEqualTo("SELECT a || b FROM t WHERE LOWER(c.n) NOT LIKE LOWER(p)");
    }

    @Test
    void qualifyGetsAWhereWhenItHasNone() {
        assertThat(fromDuckDb("SELECT * FROM q QUALIFY row_number() OVER (ORDER BY x) = 1"))
                .isEqualTo("SELECT * FROM q WHERE TRUE QUALIFY row_number() OVER (ORDER BY x) = 1");
        String grouped = "SELECT a FROM q GROUP BY a QUALIFY rank() OVER (ORDER BY a) = 1";
        assertThat(fromDuckDb(grouped)).isEqualTo(grouped);
        assertThat(fromDuckDb("WITH s AS (SELECT * FROM (SELECT 1 WHERE x) QUALIFY y) SELECT 1"))
                .isEqualTo("WITH s AS (SELECT * FROM (SELECT 1 WHERE x) WHERE TRUE QUALIFY y) SELECT 1");
    }

    @Test
    void rangeTableFunctionsBecomeUnnest() {
        assertThat(fromDuckDb("SELECT k FROM range(0, 10) t(k)"))
                .isEqualTo("SELECT k FROM UNNEST(GENERATE_ARRAY(0, 9)) AS k");
        assertThat(fromDuckDb("FROM range(DATE '2024-01-01', DATE '2025-11-01', INTERVAL 1 MONTH) t(m)"))
                .isEqualTo("FROM UNNEST(GENERATE_DATE_ARRAY(DATE '2024-01-01', DATE_SUB(DATE '2025-11-01', "
                        + "INTERVAL 1 DAY), INTERVAL 1 MONTH)) AS m");
    }

    @Test
    void intervalRangeFramesUseMicroseconds() {
        assertThat(fromDuckDb("count(*) OVER (PARTITION BY p ORDER BY e.at RANGE BETWEEN INTERVAL 1 DAY PRECEDING "
                        + "AND CURRENT ROW)"))
                .isEqualTo("count(*) OVER (PARTITION BY p ORDER BY UNIX_MICROS(CAST(e.at AS "
                        + "TIMESTAMP)) RANGE BETWEEN 86400000000 PRECEDING AND CURRENT ROW)");
        String rows = "avg(x) OVER (ORDER BY m ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)";
        assertThat(fromDuckDb(rows)).isEqualTo(rows);
    }

    @Test
    void nestedConstructsTranslateInsideOut() {
        assertThat(fromDuckDb("SELECT round(100.0 * count(*) FILTER (WHERE d::DATE <= p) / count(*), 1) AS pct"))
                .isEqualTo("SELECT round(100.0 * COUNTIF(CAST(d AS DATE) <= p) / count(*), 1) AS pct");
        assertThat(fromDuckDb("SELECT round(sum(x::DOUBLE) FILTER (WHERE year(d) = 2024), 2)"))
                .isEqualTo("SELECT round(sum(CASE WHEN EXTRACT(YEAR FROM d) = 2024 THEN CAST(x AS FLOAT64) END), 2)");
        assertThat(fromDuckDb("SELECT round(median(date_diff('day', a, b)) FILTER (WHERE ok), 1)"))
                .isEqualTo(
                        "SELECT round(APPROX_QUANTILES(CASE WHEN ok THEN DATE_DIFF(b, a, DAY) END, 2)[OFFSET(1)], 1)");
    }

    @Test
    void stringsCommentsAndLayoutAreKept() {
        String sql = "SELECT 'a::b FILTER (WHERE x)' AS s, -- x::INT FILTER (WHERE y)\n"
                + "  \"odd::name\" /* date_trunc('month', d) */ FROM t";
        assertThat(fromDuckDb(sql)).isEqualTo(sql);
        assertThat(fromDuckDb("SELECT\n  a::INTEGER  -- why\n FROM t"))
                .isEqualTo("SELECT\n  CAST(a AS INT64)  -- why\n FROM t");
        assertThat(fromDuckDb("SELECT 'unterminated")).isEqualTo("SELECT 'unterminated");
    }

    @Test
    void googleSqlComesBackUnchanged() {
        String sql = """
                SELECT DATE_TRUNC(o.created_at, MONTH) AS m, COUNTIF(s = 'x') AS n, CAST(a AS INT64),
                       CAST(b AS NUMERIC(10, 2)), DATE_DIFF(b, a, DAY), EXTRACT(YEAR FROM d), d + INTERVAL 30 DAY,
                       APPROX_QUANTILES(x, 2)[OFFSET(1)], DATE_TRUNC(d, WEEK(MONDAY)), a || b
                FROM `p.ds.orders` o
                WHERE TRUE
                QUALIFY row_number() OVER (PARTITION BY a ORDER BY b) = 1""";
        assertThat(fromDuckDb(sql)).isEqualTo(sql);
    }

    /** Every template golden query and every designer golden query of every industry loses its DuckDB syntax. */
}
