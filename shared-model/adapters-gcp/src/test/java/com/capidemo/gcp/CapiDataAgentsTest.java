package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.port.AgentSpec;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.geminidataanalytics.v1beta.BigQueryTableReference;
import com.google.cloud.geminidataanalytics.v1beta.Context;
import com.google.cloud.geminidataanalytics.v1beta.CreateDataAgentRequest;
import com.google.cloud.geminidataanalytics.v1beta.DataAgentServiceClient;
import com.google.cloud.geminidataanalytics.v1beta.DataAgentServiceSettings;
import com.google.cloud.geminidataanalytics.v1beta.ExampleQuery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CapiDataAgents through the real DataAgentServiceClient against an in-process fake (with its operations). */
class CapiDataAgentsTest {

    private static final CapiConfig CONFIG = new CapiConfig("capi-demo", null, Duration.ofSeconds(10), 5L << 30);
    private static final String PARENT = "projects/capi-demo/locations/global";
    private static final AgentSpec SPEC = new AgentSpec(
            "demo_0a1b2c3d",
            "acme",
            "demo_0a1b2c3d",
            List.of("orders", "customers"),
            "You answer questions about Acme's retail orders.",
            List.of(
                    new GoldenQuery(
                            "How many orders are there?",
                            "SELECT COUNT(*) AS orders FROM orders\n",
                            "simple",
                            "single_value"),
                    new GoldenQuery(
                            "Revenue by region",
                            "SELECT region, SUM(total) FROM orders GROUP BY region",
                            "medium",
                            "table"),
                    new GoldenQuery(
                            "Revenue by month",
                            "SELECT date_trunc('month', created_at)::DATE AS month, "
                                    + "SUM(total)::DOUBLE AS revenue FROM orders GROUP BY 1 ORDER BY 1",
                            "medium",
                            "table")));

    private final FakeDataAgents fake = new FakeDataAgents();
    private InProcessGrpc grpc;
    private DataAgentServiceClient client;
    private CapiDataAgents agents;

    @BeforeEach
    void setUp() throws Exception {
        grpc = InProcessGrpc.start(fake, fake.operations());
        DataAgentServiceSettings.Builder settings = DataAgentServiceSettings.newBuilder()
                .setTransportChannelProvider(grpc.channels())
                .setCredentialsProvider(InProcessGrpc.noCredentials());
        // poll unfinished operations quickly (the generated defaults wait seconds between polls)
        RetrySettings fastPolling = RetrySettings.newBuilder()
                .setInitialRetryDelayDuration(Duration.ofMillis(10))
                .setRetryDelayMultiplier(1.5)
                .setMaxRetryDelayDuration(Duration.ofMillis(100))
                .setInitialRpcTimeoutDuration(Duration.ZERO)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeoutDuration(Duration.ZERO)
                .setTotalTimeoutDuration(Duration.ofSeconds(5))
                .build();
        settings.createDataAgentOperationSettings()
                .setPollingAlgorithm(OperationTimedPollAlgorithm.create(fastPolling));
        client = DataAgentServiceClient.create(settings.build());
        agents = new CapiDataAgents(client, CONFIG);
    }

    @AfterEach
    void tearDown() {
        client.close();
        grpc.close();
    }

    @Test
    void createsAnAgentWithTheTablesInstructionAndGoldenQueriesAsExamples() {
        String id = agents.createAgent(SPEC);

        assertThat(id).isEqualTo("agent-demo-0a1b2c3d");
        CreateDataAgentRequest request = fake.creates.get(0);
        assertThat(request.getParent()).isEqualTo(PARENT);
        assertThat(request.getDataAgentId()).isEqualTo("agent-demo-0a1b2c3d");
        Context context = request.getDataAgent().getDataAnalyticsAgent().getPublishedContext();
        assertThat(context.getDatasourceReferences().getBq().getTableReferencesList())
                .extracting(
                        BigQueryTableReference::getProjectId,
                        BigQueryTableReference::getDatasetId,
                        BigQueryTableReference::getTableId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("capi-demo", "demo_0a1b2c3d", "orders"),
                        org.assertj.core.groups.Tuple.tuple("capi-demo", "demo_0a1b2c3d", "customers"));
        assertThat(context.getSystemInstruction()).isEqualTo("You answer questions about Acme's retail orders.");
        assertThat(context.getExampleQueriesList())
                .extracting(ExampleQuery::getNaturalLanguageQuestion, ExampleQuery::getSqlQuery)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "How many orders are there?", "SELECT COUNT(*) AS orders FROM orders"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Revenue by region", "SELECT region, SUM(total) FROM orders GROUP BY region"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Revenue by month",
                                "SELECT CAST(DATE_TRUNC(created_at, MONTH) AS DATE) AS month, "
                                        + "CAST(SUM(total) AS FLOAT64) AS revenue FROM orders GROUP BY 1 ORDER BY 1"));
        assertThat(context.getOptions()
                        .getDatasource()
                        .getBigQueryMaxBilledBytes()
                        .getValue())
                .isEqualTo(5L << 30);
        assertThat(request.getDataAgent().getLabelsMap())
                .containsEntry("demo_id", "demo_0a1b2c3d")
                .containsEntry("tenant_id", "acme")
                .containsEntry("dataset_id", "demo_0a1b2c3d");
        assertThat(fake.agents).containsOnlyKeys(PARENT + "/dataAgents/agent-demo-0a1b2c3d");
    }

    @Test
    void creatingAgainReplacesTheAgentInsteadOfMakingASecond() {
        agents.createAgent(SPEC);
        AgentSpec changed = new AgentSpec(
                SPEC.demoId(), SPEC.tenantId(), SPEC.datasetId(), List.of("orders"), "Be brief.", List.of());

        String id = agents.createAgent(changed);

        assertThat(id).isEqualTo("agent-demo-0a1b2c3d");
        assertThat(fake.creates).hasSize(2);
        assertThat(fake.updates).hasSize(1);
        assertThat(fake.updates.get(0).getDataAgent().getName()).isEqualTo(PARENT + "/dataAgents/" + id);
        assertThat(fake.updates.get(0).getUpdateMask().getPathsList()).contains("data_analytics_agent", "labels");
        assertThat(fake.agents).hasSize(1);
        assertThat(agents.find(id).orElseThrow().systemInstruction()).isEqualTo("Be brief.");
        assertThat(agents.find(id).orElseThrow().tables()).containsExactly("orders");
    }

    @Test
    void aTalkTrackEditUpdatesOnlyThePublishedInstructionAndExamplesInOneCall() {
        String id = agents.createAgent(SPEC);
        List<GoldenQuery> edited = List.of(
                SPEC.goldenQueries().get(2),
                new GoldenQuery(
                        "Orders per customer",
                        "SELECT customer_id, count(*)::BIGINT FROM orders GROUP BY 1",
                        "x",
                        "y"));

        agents.updateContext(id, "Answer in euros.", edited);

        assertThat(fake.creates).as("no re-creation").hasSize(1);
        assertThat(fake.updates).singleElement().satisfies(u -> {
            assertThat(u.getDataAgent().getName()).isEqualTo(PARENT + "/dataAgents/" + id);
            assertThat(u.getUpdateMask().getPathsList())
                    .containsExactlyInAnyOrder(
                            "data_analytics_agent.published_context.system_instruction",
                            "data_analytics_agent.published_context.example_queries");
            assertThat(u.getDataAgent()
                            .getDataAnalyticsAgent()
                            .getPublishedContext()
                            .getExampleQueriesList())
                    .extracting(q -> q.getSqlQuery())
                    .containsExactly(
                            CapiDataAgents.googleSql(edited.get(0).sql()),
                            CapiDataAgents.googleSql(edited.get(1).sql()))
                    .doesNotContain(edited.get(1).sql());
        });
        AgentSpec found = agents.find(id).orElseThrow();
        assertThat(found.systemInstruction()).isEqualTo("Answer in euros.");
        assertThat(found.goldenQueries())
                .extracting(GoldenQuery::question)
                .containsExactly("Revenue by month", "Orders per customer");
        assertThat(found.tables()).as("tables untouched").containsExactly("orders", "customers");
        assertThat(found.tenantId()).as("labels untouched").isEqualTo("acme");
        assertThat(fake.agents
                        .get(PARENT + "/dataAgents/" + id)
                        .getDataAnalyticsAgent()
                        .getPublishedContext()
                        .getOptions()
                        .getDatasource()
                        .hasBigQueryMaxBilledBytes())
                .as("options untouched")
                .isTrue();
    }

    @Test
    void updatingTheContextOfAMissingAgentSaysItIsMissing() {
        assertThatThrownBy(() -> agents.updateContext("agent-unknown", "x", List.of()))
                .isInstanceOf(java.util.NoSuchElementException.class)
                .hasMessageContaining("agent-unknown");
        assertThat(fake.creates).isEmpty();
    }

    @Test
    void findMapsTheAgentBackToItsSpec() {
        String id = agents.createAgent(SPEC);

        AgentSpec found = agents.find(id).orElseThrow();

        assertThat(found.demoId()).isEqualTo(SPEC.demoId());
        assertThat(found.tenantId()).isEqualTo("acme");
        assertThat(found.datasetId()).isEqualTo("demo_0a1b2c3d");
        assertThat(found.tables()).containsExactly("orders", "customers");
        assertThat(found.systemInstruction()).isEqualTo(SPEC.systemInstruction());
        assertThat(found.goldenQueries())
                .extracting(GoldenQuery::question)
                .containsExactly("How many orders are there?", "Revenue by region", "Revenue by month");
        assertThat(agents.find("agent-unknown")).isEmpty();
    }

    @Test
    void deletingRemovesTheAgentAndDeletingAgainIsSuccess() {
        String id = agents.createAgent(SPEC);

        agents.deleteAgent(id);
        agents.deleteAgent(id);

        assertThat(fake.deletes).hasSize(2);
        assertThat(fake.deletes.get(0).getName()).isEqualTo(PARENT + "/dataAgents/" + id);
        assertThat(fake.agents).isEmpty();
        assertThat(agents.find(id)).isEmpty();
    }

    @Test
    void waitsForAnUnfinishedCreateOperationByPollingIt() {
        fake.pendingOperations = true;

        String id = agents.createAgent(SPEC);

        assertThat(id).isEqualTo("agent-demo-0a1b2c3d");
        assertThat(fake.polls).isNotEmpty();
        assertThat(fake.polls.get(0).getName()).startsWith("projects/p/locations/global/operations/create-");
    }

    @Test
    void agentIdsAreValidResourceIds() {
        assertThat(CapiConfig.agentId("Demo_AB.c")).isEqualTo("agent-demo-ab-c");
        assertThat(CapiConfig.agentId("x".repeat(100))).hasSize(63);
    }
}
