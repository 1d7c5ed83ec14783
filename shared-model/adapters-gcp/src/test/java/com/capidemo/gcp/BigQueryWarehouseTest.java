package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.ColumnSpec;
import com.capidemo.core.port.InvalidQueryException;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.QueryResult;
import com.capidemo.core.port.QueryValidation;
import com.capidemo.gcp.FakeBigQuery.Answer;
import com.capidemo.gcp.FakeHttpServer.Request;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BigQuery warehouse against a fake of the BigQuery REST API: the requests it sends and the errors it handles. */
class BigQueryWarehouseTest {

    private static final String JOBS = "/bigquery/v2/projects/p/jobs";
    private static final String DATASET = "/bigquery/v2/projects/p/datasets/[^/]+";

    private FakeBigQuery fake;
    private BigQueryWarehouse warehouse;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBigQuery();
        warehouse = new BigQueryWarehouse(fake.client(), config(true));
    }

    private static BigQueryWarehouse.Config config(boolean clone) {
        return new BigQueryWarehouse.Config(
                "EU",
                GcsBuckets.prefixed("p-capi-"),
                "templates",
                "tmpl_",
                clone,
                BigQueryWarehouse.Config.GIB,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void createsDatasetWithLocationAndCleanLabelsOnce() {
        assertThat(warehouse.createDataset(
                        "demo_1", Map.of("tenant", "Acme Corp", "demo", "demo_1", "template", "shop")))
                .isTrue();
        assertThat(warehouse.createDataset("demo_1", Map.of("tenant", "acme"))).isFalse(); // 409 from the service

        JsonNode insert = fake.http
                .requests("POST", "/bigquery/v2/projects/p/datasets")
                .get(0)
                .json();
        assertThat(insert.get("location").asText()).isEqualTo("EU");
        assertThat(fake.datasetLabels("demo_1"))
                .isEqualTo(Map.of("tenant", "acme_corp", "demo", "demo_1", "template", "shop"));
        assertThat(warehouse.datasetExists("demo_1")).isTrue();
        assertThat(warehouse.datasetExists("demo_2")).isFalse();
    }

    @Test
    void droppingAMissingDatasetSucceedsAndSaysItDroppedNothing() {
        assertThat(warehouse.dropDataset("gone")).isFalse();

        Request delete = fake.http.requests("DELETE", DATASET).get(0);
        assertThat(delete.path()).endsWith("/datasets/gone");
        assertThat(delete.params()).containsEntry("deleteContents", "true");
    }

    @Test
    void dropsADatasetWithItsTables() {
        warehouse.createDataset("demo_1", Map.of());
        warehouse.createTable("demo_1", "orders", List.of(new ColumnSpec("id", "INT64")));
        assertThat(warehouse.dropDataset("demo_1")).isTrue();
        assertThat(warehouse.datasetExists("demo_1")).isFalse();
        assertThat(warehouse.listTables("demo_1")).isEmpty();
    }

    @Test
    void aDatasetsCreationTimeIsReadFromBigQuery() {
        warehouse.createDataset("tmp_scratch", Map.of());
        long created = fake.created.get("tmp_scratch");

        assertThat(warehouse.datasetCreatedAt("tmp_scratch")).contains(java.time.Instant.ofEpochMilli(created));
        assertThat(warehouse.datasetCreatedAt("never_made")).isEmpty();
    }

    @Test
    void retriesAnIdempotentCallAfterA503() {
        warehouse.createDataset("demo_1", Map.of());
        fake.http.failNext("GET", DATASET, 503, "backendError", "The service is currently unavailable.");

        assertThat(warehouse.datasetExists("demo_1")).isTrue();
        assertThat(fake.http.requests("GET", DATASET)).hasSize(2);
    }

    @Test
    void listsDatasetsAndTables() {
        warehouse.createDataset("b", Map.of());
        warehouse.createDataset("a", Map.of());
        warehouse.createTable("a", "t2", List.of(new ColumnSpec("x", "STRING")));
        warehouse.createTable("a", "t1", List.of(new ColumnSpec("x", "STRING")));

        assertThat(warehouse.listDatasets()).containsExactly("a", "b");
        assertThat(warehouse.listTables("a")).containsExactly("t1", "t2");
        assertThat(warehouse.listTables("missing")).isEmpty();
    }

    @Test
    void loadsATemplateTableByCloningTheTemplateDataset() {
        warehouse.loadParquet("demo_1", "orders", new ObjectRef("templates", "shop-v2/orders.parquet"));

        List<JsonNode> jobs = fake.jobConfigurations();
        assertThat(jobs).hasSize(1);
        JsonNode query = jobs.get(0).get("query");
        assertThat(query.get("query").asText())
                .isEqualTo("CREATE OR REPLACE TABLE `p.demo_1.orders` CLONE `p.tmpl_shop_v2.orders`");
        assertThat(query.get("useLegacySql").asBoolean()).isFalse();
        JsonNode ref = fake.http.requests("POST", JOBS).get(0).json().get("jobReference");
        assertThat(ref.get("location").asText()).isEqualTo("EU");
    }

    @Test
    void fallsBackToAParquetLoadJobWhenTheTemplateDatasetIsMissing() {
        fake.answer(
                " CLONE ",
                Answer.error(404, "notFound", "Not found: Dataset p:tmpl_shop was not found in location EU"));

        warehouse.loadParquet("demo_1", "orders", new ObjectRef("templates", "shop/orders.parquet"));

        List<JsonNode> jobs = fake.jobConfigurations();
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).at("/query/query").asText()).contains("CLONE `p.tmpl_shop.orders`");
        JsonNode load = jobs.get(1).get("load");
        assertThat(load.get("sourceFormat").asText()).isEqualTo("PARQUET");
        assertThat(load.get("sourceUris"))
                .extracting(JsonNode::asText)
                .containsExactly("gs://p-capi-templates/shop/orders.parquet");
        assertThat(load.get("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(load.at("/destinationTable/datasetId").asText()).isEqualTo("demo_1");
        assertThat(load.at("/destinationTable/tableId").asText()).isEqualTo("orders");
    }

    @Test
    void aCloneFailingOtherwiseIsRaised() {
        fake.answer(" CLONE ", Answer.error(403, "accessDenied", "Access Denied: Table p:tmpl_shop.orders"));

        assertThatThrownBy(() ->
                        warehouse.loadParquet("demo_1", "orders", new ObjectRef("templates", "shop/orders.parquet")))
                .hasMessageContaining("Access Denied");
        assertThat(fake.jobConfigurations()).hasSize(1);
    }

    @Test
    void loadsOtherObjectsAndAllObjectsWithoutCloningByLoadJobs() {
        warehouse.loadParquet("demo_1", "events", new ObjectRef("artifacts", "job_1/events.parquet"));
        new BigQueryWarehouse(fake.client(), config(false))
                .loadParquet("demo_1", "orders", new ObjectRef("templates", "shop/orders.parquet"));

        assertThat(fake.jobConfigurations())
                .extracting(c -> c.at("/load/sourceUris/0").asText())
                .containsExactly(
                        "gs://p-capi-artifacts/job_1/events.parquet", "gs://p-capi-templates/shop/orders.parquet");
    }

    @Test
    void loadsCsvWithAHeaderRowAndDetectedTypes() {
        warehouse.loadCsv("t_acme", "sales", new ObjectRef("artifacts", "uploads/sales.csv"));

        JsonNode load = fake.jobConfigurations().get(0).get("load");
        assertThat(load.get("sourceFormat").asText()).isEqualTo("CSV");
        assertThat(load.get("skipLeadingRows").asInt()).isEqualTo(1);
        assertThat(load.get("autodetect").asBoolean()).isTrue();
        assertThat(load.get("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
    }

    @Test
    void aFailedLoadJobRaisesBigQuerysError() {
        fake.answer(
                "sales.csv",
                Answer.error(
                        400,
                        "invalid",
                        "Error while reading data, error message: CSV table references column position 3, but line contains only 2 columns."));

        assertThatThrownBy(() -> warehouse.loadCsv("t_acme", "sales", new ObjectRef("artifacts", "uploads/sales.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot load CSV artifacts/uploads/sales.csv into t_acme.sales")
                .hasMessageContaining("line contains only 2 columns");
    }

    @Test
    void aRetriedJobInsertKeepsItsJobId() {
        fake.http.failNext("POST", JOBS, 503, "backendError", "try again");

        warehouse.loadCsv("t_acme", "sales", new ObjectRef("artifacts", "uploads/sales.csv"));

        List<Request> inserts = fake.http.requests("POST", JOBS);
        assertThat(inserts).hasSize(2);
        assertThat(inserts.get(1).json().at("/jobReference/jobId").asText())
                .isEqualTo(inserts.get(0).json().at("/jobReference/jobId").asText());
    }

    @Test
    void queriesWithDefaultDatasetBytesCapAndPlainValues() {
        fake.answer(
                "FROM orders",
                Answer.rows(
                        List.of("city:STRING", "n:INTEGER", "avg:FLOAT", "ok:BOOLEAN", "day:DATE", "at:TIMESTAMP"),
                        List.of(
                                java.util.Arrays.asList("Paris", 3, 2.5, true, "2024-05-01", "1714521600.5"),
                                java.util.Arrays.asList("Lyon", 1, null, false, "2024-05-02", "1714608000"))));

        QueryResult r = warehouse.query("demo_1", "SELECT * FROM orders", 10);

        assertThat(r.columns()).containsExactly("city", "n", "avg", "ok", "day", "at");
        assertThat(r.rows())
                .containsExactly(
                        List.of("Paris", 3L, 2.5, true, "2024-05-01", "2024-05-01T00:00:00.500Z"),
                        java.util.Arrays.asList("Lyon", 1L, null, false, "2024-05-02", "2024-05-02T00:00:00Z"));
        assertThat(r.truncated()).isFalse();
        JsonNode query = fake.jobConfigurations().get(0).get("query");
        assertThat(query.get("maximumBytesBilled").asText()).isEqualTo(String.valueOf(1L << 30));
        assertThat(query.get("useLegacySql").asBoolean()).isFalse();
        assertThat(query.at("/defaultDataset/datasetId").asText()).isEqualTo("demo_1");
        assertThat(query.at("/defaultDataset/projectId").asText()).isEqualTo("p");
        assertThat(fake.jobConfigurations().get(0).get("jobTimeoutMs").asText()).isEqualTo("30000");
    }

    @Test
    void readsOnePageOfMaxRowsAndSaysWhenMoreExist() {
        fake.answer("FROM orders", Answer.rows(List.of("n:INTEGER"), List.of(List.of(1), List.of(2), List.of(3))));

        QueryResult r = warehouse.query("demo_1", "SELECT n FROM orders", 2);

        assertThat(r.rows()).containsExactly(List.of(1L), List.of(2L));
        assertThat(r.truncated()).isTrue();
        assertThat(fake.http.requests("GET", ".*/data"))
                .singleElement()
                .satisfies(req -> assertThat(req.params()).containsEntry("maxResults", "2"));
    }

    @Test
    void aRejectedQueryIsTheCallersErrorWithBigQuerysMessage() {
        fake.answer(
                "SELEC ", Answer.error(400, "invalidQuery", "Syntax error: Unexpected identifier \"SELEC\" at [1:1]"));

        assertThatThrownBy(() -> warehouse.query("demo_1", "SELEC * FROM orders", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Syntax error: Unexpected identifier \"SELEC\" at [1:1]");
    }

    @Test
    void validatingIsADryRunThatFetchesNoResults() {
        fake.answer("FROM orders", Answer.rows(List.of("city:STRING", "n:INTEGER"), List.of(List.of("Paris", 3))));
        fake.dryRunBytes = 4096;

        QueryValidation v = warehouse.validate("demo_1", "SELECT city, count(*) AS n FROM orders GROUP BY city");

        assertThat(v.columns()).containsExactly("city", "n");
        assertThat(v.bytesProcessed()).hasValue(4096);
        JsonNode configuration = fake.jobConfigurations().get(0);
        assertThat(configuration.get("dryRun").asBoolean()).isTrue();
        assertThat(configuration.at("/query/useQueryCache").asBoolean()).isFalse();
        assertThat(configuration.at("/query/defaultDataset/datasetId").asText()).isEqualTo("demo_1");
        assertThat(fake.http.requests("POST", JOBS)).hasSize(1);
        assertThat(fake.http.requests("GET", ".*"))
                .as("no job polled, no query results or table data fetched")
                .isEmpty();
    }

    @Test
    void validatingSendsDuckDbSqlAsGoogleSql() {
        String duckDb = "SELECT a::INTEGER FROM orders";
        warehouse.validate("demo_1", duckDb);

        assertThat(fake.jobConfigurations().get(0).at("/query/query").asText())
                .isEqualTo(BigQueryDialect.fromDuckDb(duckDb))
                .isNotEqualTo(duckDb);
    }

    @Test
    void aQueryTheDryRunRejectsIsATypedErrorWithBigQuerysMessage() {
        fake.answer("nope", Answer.error(400, "invalidQuery", "Unrecognized name: nope at [1:8]"));

        assertThatThrownBy(() -> warehouse.validate("demo_1", "SELECT nope FROM orders"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.datasetId()).isEqualTo("demo_1");
                    assertThat(e.problem()).contains("Unrecognized name: nope");
                });
        assertThat(fake.http.requests("GET", ".*")).isEmpty();
    }

    @Test
    void aQueryOverTheBytesCapIsInvalidThoughADryRunDoesNotEnforceTheCap() {
        fake.dryRunBytes = BigQueryWarehouse.Config.GIB + 1;

        assertThatThrownBy(() -> warehouse.validate("demo_1", "SELECT * FROM orders"))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.problem()).contains("would process " + (BigQueryWarehouse.Config.GIB + 1)));
    }

    @Test
    void createsTablesFromPortableTypesOnce() {
        warehouse.createDataset("t_acme", Map.of());
        List<ColumnSpec> columns = List.of(
                new ColumnSpec("run_id", "STRING"),
                new ColumnSpec("rows", "INT64"),
                new ColumnSpec("score", "FLOAT64"),
                new ColumnSpec("ok", "BOOL"),
                new ColumnSpec("at", "TIMESTAMP"),
                new ColumnSpec("day", "DATE"),
                new ColumnSpec("blob", "BYTES"),
                new ColumnSpec("detail", "JSON"));

        assertThat(warehouse.createTable("t_acme", "pipeline_runs", columns)).isTrue();
        assertThat(warehouse.createTable("t_acme", "pipeline_runs", columns)).isFalse(); // ALREADY_EXISTS

        JsonNode fields = fake.http.requests("POST", ".*/tables").get(0).json().at("/schema/fields");
        assertThat(fields)
                .extracting(f -> f.get("name").asText() + ":" + f.get("type").asText())
                .containsExactly(
                        "run_id:STRING",
                        "rows:INTEGER",
                        "score:FLOAT",
                        "ok:BOOLEAN",
                        "at:TIMESTAMP",
                        "day:DATE",
                        "blob:BYTES",
                        "detail:JSON");
    }

    @Test
    void appendsWithInsertIdsThatAreStableAcrossRetries() {
        warehouse.createDataset("t_acme", Map.of());
        warehouse.createTable(
                "t_acme", "step_logs", List.of(new ColumnSpec("msg", "STRING"), new ColumnSpec("at", "TIMESTAMP")));
        List<Map<String, Object>> rows = List.of(
                Map.of("msg", "a", "at", java.time.Instant.parse("2024-05-01T10:00:00Z")),
                Map.of("msg", "b", "at", java.time.Instant.parse("2024-05-01T10:00:01Z")));
        fake.http.failNext("POST", ".*/insertAll", 503, "backendError", "try again");

        warehouse.appendRows("t_acme", "step_logs", "run_7-batch_1", rows); // the client retries the 503
        warehouse.appendRows("t_acme", "step_logs", "run_7-batch_1", rows); // our caller retries the batch

        List<Request> inserts = fake.http.requests("POST", ".*/insertAll");
        assertThat(inserts).hasSize(3);
        for (Request insert : inserts) {
            assertThat(insert.json().get("rows"))
                    .extracting(row -> row.get("insertId").asText())
                    .containsExactly("run_7-batch_1:0", "run_7-batch_1:1");
        }
        assertThat(inserts.get(0).json().at("/rows/0/json/at").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(fake.tables.get("t_acme.step_logs")).hasSize(2);
    }

    @Test
    void sendsDuckDbSqlAsGoogleSqlUnlessTurnedOff() {
        fake.answer("FROM orders", Answer.rows(List.of("n:INTEGER"), List.of(List.of(1))));
        String duckdb = "SELECT count(*) FILTER (WHERE paid) AS n FROM orders";

        warehouse.query("demo_1", duckdb, 1);
        BigQueryWarehouse.Config c = config(true);
        new BigQueryWarehouse(
                        fake.client(),
                        new BigQueryWarehouse.Config(
                                c.location(),
                                c.buckets(),
                                c.templatesBucket(),
                                c.templateDatasetPrefix(),
                                true,
                                c.maximumBytesBilled(),
                                c.jobTimeout(),
                                false))
                .query("demo_1", duckdb, 1);

        assertThat(fake.jobConfigurations().get(0).at("/query/query").asText())
                .isEqualTo("SELECT COUNTIF(paid) AS n FROM orders");
        assertThat(fake.jobConfigurations().get(1).at("/query/query").asText()).isEqualTo(duckdb);
    }

    @Test
    void appendingToAMissingTableIsTheCallersError() {
        assertThatThrownBy(() -> warehouse.appendRows("t_acme", "nope", "b1", List.of(Map.of("x", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not found: Table");
    }

    @Test
    void createsATableFromAQueryAndCountsItsRows() {
        fake.answer(
                "GROUP BY",
                Answer.rows(List.of("city:STRING", "n:INTEGER"), List.of(List.of("Paris", 3), List.of("Lyon", 1))));

        long rows = warehouse.createTableAs("demo_1", "by_city", "SELECT city, COUNT(*) n FROM orders GROUP BY city");

        assertThat(rows).isEqualTo(2);
        JsonNode query = fake.jobConfigurations().get(0).get("query");
        assertThat(query.at("/destinationTable/tableId").asText()).isEqualTo("by_city");
        assertThat(query.get("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(query.at("/defaultDataset/datasetId").asText()).isEqualTo("demo_1");
    }

    @Test
    void countsRowsWithOneQueryPerTableAndAllTablesInOne() {
        fake.answer("COUNT(*) FROM `p.demo_1.orders`", Answer.rows(List.of("f0_:INTEGER"), List.of(List.of(42))));
        fake.answer(
                "__TABLES__",
                Answer.rows(
                        List.of("table_id:STRING", "row_count:INTEGER"),
                        List.of(List.of("customers", 3), List.of("orders", 42))));

        assertThat(warehouse.countRows("demo_1", "orders")).isEqualTo(42);
        assertThat(warehouse.rowCounts("demo_1")).containsExactly(Map.entry("customers", 3L), Map.entry("orders", 42L));
        assertThat(fake.jobConfigurations().get(1).at("/query/query").asText()).contains("FROM `p.demo_1.__TABLES__`");
    }

    @Test
    void rejectsNamesThatAreNotIdentifiers() {
        assertThatThrownBy(() -> warehouse.countRows("demo_1", "orders` WHERE 1=1 --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.http.requests()).isEmpty();
    }
}
