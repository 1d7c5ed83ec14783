package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.gcp.FakeBigQuery.Answer;
import com.capidemo.gcp.FakeHttpServer.Request;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A demo's table cloned into another demo's dataset, against the fake of the BigQuery REST API. */
class BigQueryCloneTest {

    private static final String JOBS = "/bigquery/v2/projects/p/jobs";

    private FakeBigQuery fake;
    private BigQueryWarehouse warehouse;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBigQuery();
        warehouse = new BigQueryWarehouse(
                fake.client(), BigQueryWarehouse.Config.defaults("EU", GcsBuckets.prefixed("p-capi-")));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aTableIsClonedByOneCreateTableCloneJobInTheDatasetsLocation() {
        warehouse.cloneTable("demo_src", "orders", "demo_new");

        List<JsonNode> jobs = fake.jobConfigurations();
        assertThat(jobs).hasSize(1);
        JsonNode query = jobs.get(0).get("query");
        assertThat(query.get("query").asText())
                .isEqualTo("CREATE OR REPLACE TABLE `p.demo_new.orders` CLONE `p.demo_src.orders`");
        assertThat(query.get("useLegacySql").asBoolean()).isFalse();
        assertThat(query.has("destinationTable"))
                .as("DDL has no destination table")
                .isFalse();
        assertThat(jobs.get(0).get("jobTimeoutMs").asLong()).isEqualTo(120_000L);
        JsonNode ref = fake.http.requests("POST", JOBS).get(0).json().get("jobReference");
        assertThat(ref.get("location").asText()).isEqualTo("EU");
    }

    @Test
    void aMissingSourceTableIsTheCallersErrorAndNothingIsLoadedInstead() {
        fake.answer(" CLONE ", Answer.error(404, "notFound", "Not found: Table p:demo_src.orders"));

        assertThatThrownBy(() -> warehouse.cloneTable("demo_src", "orders", "demo_new"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot clone demo_src.orders into demo_new")
                .hasMessageContaining("Not found: Table p:demo_src.orders");
        assertThat(fake.jobConfigurations()).hasSize(1);
    }

    @Test
    void aCloneRejectedOtherwiseIsRaisedAsBigQuerysError() {
        fake.answer(" CLONE ", Answer.error(403, "accessDenied", "Access Denied: Table p:demo_src.orders"));

        assertThatThrownBy(() -> warehouse.cloneTable("demo_src", "orders", "demo_new"))
                .isNotInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Access Denied");
    }

    @Test
    void aRetriedInsertKeepsTheJobIdSoTheCloneRunsOnce() {
        fake.http.failNext("POST", JOBS, 503, "backendError", "try again");

        warehouse.cloneTable("demo_src", "orders", "demo_new");

        List<Request> inserts = fake.http.requests("POST", JOBS);
        assertThat(inserts).hasSize(2);
        assertThat(inserts.get(1).json().at("/jobReference/jobId").asText())
                .isEqualTo(inserts.get(0).json().at("/jobReference/jobId").asText());
        assertThat(fake.jobConfigurations()).hasSize(1);
    }

    @Test
    void namesThatAreNotIdentifiersAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> warehouse.cloneTable("demo_src", "orders`; DROP", "demo_new"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> warehouse.cloneTable("demo-src", "orders", "demo_new"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.http.requests("POST", JOBS)).isEmpty();
    }
}
