package com.capidemo.gcp;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.DataAgents;
import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.geminidataanalytics.v1beta.BigQueryTableReference;
import com.google.cloud.geminidataanalytics.v1beta.BigQueryTableReferences;
import com.google.cloud.geminidataanalytics.v1beta.Context;
import com.google.cloud.geminidataanalytics.v1beta.ConversationOptions;
import com.google.cloud.geminidataanalytics.v1beta.CreateDataAgentRequest;
import com.google.cloud.geminidataanalytics.v1beta.DataAgent;
import com.google.cloud.geminidataanalytics.v1beta.DataAgentServiceClient;
import com.google.cloud.geminidataanalytics.v1beta.DataAnalyticsAgent;
import com.google.cloud.geminidataanalytics.v1beta.DatasourceOptions;
import com.google.cloud.geminidataanalytics.v1beta.DatasourceReferences;
import com.google.cloud.geminidataanalytics.v1beta.DeleteDataAgentRequest;
import com.google.cloud.geminidataanalytics.v1beta.ExampleQuery;
import com.google.cloud.geminidataanalytics.v1beta.GetDataAgentRequest;
import com.google.cloud.geminidataanalytics.v1beta.UpdateDataAgentRequest;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Int64Value;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Data agents in gcp mode: one Conversational Analytics data agent per demo, whose published context holds the
 * demo's BigQuery tables, the system instruction, the golden queries as example queries (translated from our DuckDB
 * SQL to GoogleSQL by {@link BigQueryDialect}, since the agent runs and imitates BigQuery SQL) and the cap on bytes a
 * query the agent runs for a chat may bill (the same cap the warehouse puts on its own queries). The agent id is derived
 * from the demo id, so a retried create meets ALREADY_EXISTS and replaces the agent's definition instead of making a
 * second agent. Demo, tenant and dataset ids travel as labels so {@link #find} can map the agent back.
 */
public class CapiDataAgents implements DataAgents {

    static final String DEMO_LABEL = "demo_id";
    static final String TENANT_LABEL = "tenant_id";
    static final String DATASET_LABEL = "dataset_id";
    /** What an update replaces: everything createAgent sets. */
    private static final FieldMask REPLACE = FieldMask.newBuilder()
            .addPaths("display_name")
            .addPaths("description")
            .addPaths("labels")
            .addPaths("data_analytics_agent")
            .build();

    /** What a talk-track edit replaces: the published context's instruction and example queries, nothing else. */
    static final FieldMask TALK_TRACK = FieldMask.newBuilder()
            .addPaths("data_analytics_agent.published_context.system_instruction")
            .addPaths("data_analytics_agent.published_context.example_queries")
            .build();

    private final DataAgentServiceClient client;
    private final CapiConfig config;

    public CapiDataAgents(DataAgentServiceClient client, CapiConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public String createAgent(AgentSpec spec) {
        String agentId = agentIdFor(spec.demoId());
        DataAgent agent = agent(spec);
        try {
            await(
                    client.createDataAgentAsync(CreateDataAgentRequest.newBuilder()
                            .setParent(config.parent())
                            .setDataAgentId(agentId)
                            .setDataAgent(agent)
                            .build()),
                    "create " + agentId);
        } catch (AlreadyExistsException e) {
            await(
                    client.updateDataAgentAsync(UpdateDataAgentRequest.newBuilder()
                            .setUpdateMask(REPLACE)
                            .setDataAgent(agent.toBuilder().setName(config.agentName(agentId)))
                            .build()),
                    "update " + agentId);
        }
        return agentId;
    }

    @Override
    public Optional<AgentSpec> find(String agentId) {
        try {
            DataAgent agent = client.getDataAgent(GetDataAgentRequest.newBuilder()
                    .setName(config.agentName(agentId))
                    .build());
            return agent.hasDeleteTime() ? Optional.empty() : Optional.of(spec(agent));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * One UpdateDataAgent whose mask names only the published context's system instruction and example queries
     * (the golden SQL translated to GoogleSQL as on create), so the agent's tables, options and labels stay as they
     * are and nothing else is re-sent. A missing agent is NOT_FOUND from the service.
     */
    @Override
    public void updateContext(String agentId, String systemInstruction, List<GoldenQuery> goldenQueries) {
        Context.Builder context =
                Context.newBuilder().setSystemInstruction(systemInstruction == null ? "" : systemInstruction);
        goldenQueries.forEach(g -> context.addExampleQueries(example(g)));
        DataAgent agent = DataAgent.newBuilder()
                .setName(config.agentName(agentId))
                .setDataAnalyticsAgent(DataAnalyticsAgent.newBuilder().setPublishedContext(context))
                .build();
        try {
            await(
                    client.updateDataAgentAsync(UpdateDataAgentRequest.newBuilder()
                            .setUpdateMask(TALK_TRACK)
                            .setDataAgent(agent)
                            .build()),
                    "update " + agentId);
        } catch (NotFoundException e) {
            throw new NoSuchElementException("no data agent " + agentId);
        }
    }

    private static ExampleQuery example(GoldenQuery g) {
        return ExampleQuery.newBuilder()
                .setNaturalLanguageQuestion(g.question())
                .setSqlQuery(googleSql(g.sql()))
                .build();
    }

    @Override
    public String agentIdFor(String demoId) {
        return CapiConfig.agentId(demoId);
    }

    @Override
    public void deleteAgent(String agentId) {
        try {
            await(
                    client.deleteDataAgentAsync(DeleteDataAgentRequest.newBuilder()
                            .setName(config.agentName(agentId))
                            .build()),
                    "delete " + agentId);
        } catch (NotFoundException e) {
            // already gone: deleting is idempotent
        }
    }

    DataAgent agent(AgentSpec spec) {
        BigQueryTableReferences.Builder tables = BigQueryTableReferences.newBuilder();
        for (String table : spec.tables()) {
            tables.addTableReferences(BigQueryTableReference.newBuilder()
                    .setProjectId(config.project())
                    .setDatasetId(spec.datasetId())
                    .setTableId(table));
        }
        Context.Builder context = Context.newBuilder()
                .setSystemInstruction(spec.systemInstruction() == null ? "" : spec.systemInstruction())
                .setDatasourceReferences(DatasourceReferences.newBuilder().setBq(tables))
                .setOptions(ConversationOptions.newBuilder()
                        .setDatasource(DatasourceOptions.newBuilder()
                                .setBigQueryMaxBilledBytes(Int64Value.of(config.maxBilledBytes()))));
        for (GoldenQuery g : spec.goldenQueries() == null ? List.<GoldenQuery>of() : spec.goldenQueries()) {
            context.addExampleQueries(example(g));
        }
        DataAgent.Builder agent = DataAgent.newBuilder()
                .setDisplayName("CAPI demo " + spec.demoId())
                .setDescription("Data agent of demo " + spec.demoId() + " over dataset " + spec.datasetId())
                .putLabels(DEMO_LABEL, label(spec.demoId()))
                .putLabels(DATASET_LABEL, label(spec.datasetId()))
                .setDataAnalyticsAgent(DataAnalyticsAgent.newBuilder().setPublishedContext(context));
        if (spec.tenantId() != null) {
            agent.putLabels(TENANT_LABEL, label(spec.tenantId()));
        }
        return agent.build();
    }

    /** A golden query's SQL as BigQuery runs it: our templates write DuckDB SQL. */
    static String googleSql(String duckDbSql) {
        return BigQueryDialect.fromDuckDb(duckDbSql.strip()).strip();
    }

    static AgentSpec spec(DataAgent agent) {
        Context context = agent.getDataAnalyticsAgent().getPublishedContext();
        List<BigQueryTableReference> refs =
                context.getDatasourceReferences().getBq().getTableReferencesList();
        String dataset = agent.getLabelsOrDefault(
                DATASET_LABEL, refs.isEmpty() ? null : refs.get(0).getDatasetId());
        List<GoldenQuery> golden = context.getExampleQueriesList().stream()
                .map(q -> new GoldenQuery(q.getNaturalLanguageQuestion(), q.getSqlQuery(), null, null))
                .toList();
        return new AgentSpec(
                agent.getLabelsOrDefault(DEMO_LABEL, null),
                agent.getLabelsOrDefault(TENANT_LABEL, null),
                dataset,
                refs.stream().map(BigQueryTableReference::getTableId).toList(),
                context.getSystemInstruction(),
                golden);
    }

    /** Label values allow lower-case letters, digits, '_' and '-' (63 at most); our ids already are such. */
    private static String label(String value) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        return v.length() > 63 ? v.substring(0, 63) : v;
    }

    /** Waits for a long-running operation; an API error surfaces as the ApiException it is. */
    private <T> T await(OperationFuture<T, ?> operation, String what) {
        try {
            return operation.get(config.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new IllegalStateException("data agent " + what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            // the operation may still finish; a retry of createAgent then finds the agent and replaces it
            throw new IllegalStateException(
                    "data agent " + what + " did not finish within " + config.operationTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for data agent " + what, e);
        }
    }
}
