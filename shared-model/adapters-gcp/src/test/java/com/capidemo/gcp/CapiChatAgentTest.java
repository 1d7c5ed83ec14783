package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ChatQuotaExhaustedException;
import com.capidemo.core.port.ChatTurn;
import com.google.cloud.geminidataanalytics.v1beta.ChartMessage;
import com.google.cloud.geminidataanalytics.v1beta.ChartResult;
import com.google.cloud.geminidataanalytics.v1beta.ChatRequest;
import com.google.cloud.geminidataanalytics.v1beta.DataAgentContext;
import com.google.cloud.geminidataanalytics.v1beta.DataChatServiceClient;
import com.google.cloud.geminidataanalytics.v1beta.DataChatServiceSettings;
import com.google.cloud.geminidataanalytics.v1beta.DataMessage;
import com.google.cloud.geminidataanalytics.v1beta.DataResult;
import com.google.cloud.geminidataanalytics.v1beta.ExampleQueries;
import com.google.cloud.geminidataanalytics.v1beta.ExampleQuery;
import com.google.cloud.geminidataanalytics.v1beta.Field;
import com.google.cloud.geminidataanalytics.v1beta.Message;
import com.google.cloud.geminidataanalytics.v1beta.Schema;
import com.google.cloud.geminidataanalytics.v1beta.SystemMessage;
import com.google.cloud.geminidataanalytics.v1beta.TextMessage;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CapiChatAgent through the real DataChatServiceClient against an in-process fake streaming scripted replies. */
class CapiChatAgentTest {

    private static final String SQL = "SELECT region, SUM(total) AS revenue FROM orders GROUP BY region";
    private static final AgentSpec AGENT = new AgentSpec(
            "demo_0a1b2c3d",
            "acme",
            "demo_0a1b2c3d",
            List.of("orders"),
            "",
            List.of(new GoldenQuery("Revenue by region", SQL, "medium", "table")));

    private final FakeDataChat fake = new FakeDataChat();
    private InProcessGrpc grpc;
    private DataChatServiceClient client;
    private CapiChatAgent chat;

    @BeforeEach
    void setUp() throws Exception {
        grpc = InProcessGrpc.start(fake);
        client = DataChatServiceClient.create(DataChatServiceSettings.newBuilder()
                .setTransportChannelProvider(grpc.channels())
                .setCredentialsProvider(InProcessGrpc.noCredentials())
                .build());
        chat = new CapiChatAgent(client, new CapiConfig("capi-demo", "global", Duration.ofSeconds(10), CapiConfig.GIB));
    }

    @AfterEach
    void tearDown() {
        client.close();
        grpc.close();
    }

    private static Message system(SystemMessage.Builder m) {
        return Message.newBuilder().setSystemMessage(m).build();
    }

    private static Message text(TextMessage.TextType type, String... parts) {
        return system(SystemMessage.newBuilder()
                .setText(TextMessage.newBuilder().setTextType(type).addAllParts(List.of(parts))));
    }

    private static Value str(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Value num(double d) {
        return Value.newBuilder().setNumberValue(d).build();
    }

    /** A row as the API sends it: simple values as strings, whatever their column type. */
    private static Struct row(String region, String revenue) {
        return Struct.newBuilder()
                .putFields("region", str(region))
                .putFields("revenue", str(revenue))
                .build();
    }

    private static List<Message> streamedAnswer(String sql) {
        Struct vega = Struct.newBuilder()
                .putFields("$schema", str("https://vega.github.io/schema/vega-lite/v5.json"))
                .putFields("mark", str("bar"))
                .putFields(
                        "encoding",
                        Value.newBuilder()
                                .setStructValue(Struct.newBuilder()
                                        .putFields(
                                                "x",
                                                Value.newBuilder()
                                                        .setStructValue(Struct.newBuilder()
                                                                .putFields("field", str("region"))
                                                                .putFields("type", str("nominal")))
                                                        .build())
                                        .putFields(
                                                "y",
                                                Value.newBuilder()
                                                        .setStructValue(Struct.newBuilder()
                                                                .putFields("field", str("revenue"))
                                                                .putFields("type", str("quantitative")))
                                                        .build()))
                                .build())
                .putFields(
                        "tags",
                        Value.newBuilder()
                                .setListValue(ListValue.newBuilder().addValues(str("a")))
                                .build())
                .build();
        return List.of(
                text(TextMessage.TextType.THOUGHT, "I should group orders by region."),
                text(TextMessage.TextType.PROGRESS, "Running the query"),
                system(SystemMessage.newBuilder()
                        .setData(DataMessage.newBuilder().setGeneratedSql(sql))),
                system(SystemMessage.newBuilder()
                        .setData(DataMessage.newBuilder()
                                .setResult(DataResult.newBuilder()
                                        .setName("result_1")
                                        .setSchema(Schema.newBuilder()
                                                .addFields(Field.newBuilder()
                                                        .setName("region")
                                                        .setType("STRING"))
                                                .addFields(Field.newBuilder()
                                                        .setName("revenue")
                                                        .setType("FLOAT64")))
                                        .addData(row("West", "1250.5"))
                                        .addData(row("East", "900"))))),
                system(SystemMessage.newBuilder()
                        .setChart(ChartMessage.newBuilder()
                                .setResult(ChartResult.newBuilder().setVegaConfig(vega)))),
                text(TextMessage.TextType.FINAL_RESPONSE, "West leads with ", "1,250.50 in revenue."),
                system(SystemMessage.newBuilder()
                        .setExampleQueries(ExampleQueries.newBuilder()
                                .addExampleQueries(
                                        ExampleQuery.newBuilder().setNaturalLanguageQuestion("Revenue by month")))));
    }

    @Test
    void theRequestReferencesThePublishedAgentAndReplaysTheConversation() {
        fake.reply = streamedAnswer(SQL);
        List<ChatTurn> history = List.of(new ChatTurn(
                "How many orders?", "There are 42 orders.", "SELECT COUNT(*) FROM orders", ChatAnswer.PLANNED, null));

        chat.answer(AGENT, history, "And revenue by region?");

        ChatRequest request = fake.requests.get(0);
        assertThat(request.getParent()).isEqualTo("projects/capi-demo/locations/global");
        assertThat(request.getDataAgentContext().getDataAgent())
                .isEqualTo("projects/capi-demo/locations/global/dataAgents/agent-demo-0a1b2c3d");
        assertThat(request.getDataAgentContext().getContextVersion())
                .isEqualTo(DataAgentContext.ContextVersion.PUBLISHED);
        List<Message> messages = request.getMessagesList();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).getUserMessage().getText()).isEqualTo("How many orders?");
        assertThat(messages.get(1).getSystemMessage().getData().getGeneratedSql())
                .isEqualTo("SELECT COUNT(*) FROM orders");
        assertThat(messages.get(2).getSystemMessage().getText().getPartsList()).containsExactly("There are 42 orders.");
        assertThat(messages.get(3).getUserMessage().getText()).isEqualTo("And revenue by region?");
    }

    @Test
    void aStreamedAnswerMapsToTextSqlRowsAndChart() {
        String planned = "SELECT region, SUM(total) AS revenue FROM orders WHERE total > 0 GROUP BY region";
        fake.reply = streamedAnswer(planned);

        ChatAnswer answer = chat.answer(AGENT, List.of(), "Which region sells most?");

        assertThat(answer.answer()).isEqualTo("West leads with 1,250.50 in revenue.");
        assertThat(answer.sql()).isEqualTo(planned);
        assertThat(answer.columns()).containsExactly("region", "revenue");
        assertThat(answer.rows()).containsExactly(List.of("West", 1250.5), List.of("East", 900.0));
        assertThat(answer.truncated()).isFalse();
        assertThat(answer.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(answer.followUpQuestions()).containsExactly("Revenue by month");
        assertThat(answer.chart())
                .containsEntry("mark", "bar")
                .containsEntry("$schema", "https://vega.github.io/schema/vega-lite/v5.json")
                .containsEntry("tags", List.of("a"))
                .containsEntry(
                        "data",
                        Map.of(
                                "values",
                                List.of(
                                        Map.of("region", "West", "revenue", 1250.5),
                                        Map.of("region", "East", "revenue", 900.0))));
        assertThat(answer.chart().get("encoding"))
                .isEqualTo(Map.of(
                        "x", Map.of("field", "region", "type", "nominal"),
                        "y", Map.of("field", "revenue", "type", "quantitative")));
    }

    @Test
    void aGoldenQuerysSqlIsReportedAsGolden() {
        fake.reply = streamedAnswer(SQL + ";");

        assertThat(chat.answer(AGENT, List.of(), "Revenue by region").outcome()).isEqualTo(ChatAnswer.GOLDEN);
    }

    @Test
    void aGoldenQueryWrittenInDuckDbIsRecognisedInTheGoogleSqlTheApiRan() {
        String duckDb = "SELECT date_trunc('month', created_at)::DATE AS month, SUM(total)::DOUBLE AS revenue\n"
                + "FROM orders GROUP BY 1 ORDER BY 1";
        AgentSpec agent = new AgentSpec(
                AGENT.demoId(),
                AGENT.tenantId(),
                AGENT.datasetId(),
                AGENT.tables(),
                "",
                List.of(new GoldenQuery("Revenue by month", duckDb, "medium", "table")));
        fake.reply = streamedAnswer(
                "SELECT CAST(DATE_TRUNC(created_at, MONTH) AS DATE) AS month, "
                        + "CAST(SUM(total) AS FLOAT64) AS revenue\nFROM `capi-demo.demo_0a1b2c3d.orders` GROUP BY 1 ORDER BY 1");

        assertThat(chat.answer(agent, List.of(), "Revenue by month").outcome()).isEqualTo(ChatAnswer.GOLDEN);
    }

    @Test
    void aDifferentQueryOverTheSameTablesIsNotGolden() {
        fake.reply = streamedAnswer("SELECT region, SUM(total) AS revenue FROM `capi-demo.demo_0a1b2c3d.orders` "
                + "GROUP BY region ORDER BY revenue DESC");

        assertThat(chat.answer(AGENT, List.of(), "Revenue by region").outcome()).isEqualTo(ChatAnswer.PLANNED);
    }

    @Test
    void resultValuesSentAsStringsAreTypedByTheResultSchema() {
        Schema schema = Schema.newBuilder()
                .addFields(Field.newBuilder().setName("orders").setType("INT64"))
                .addFields(Field.newBuilder().setName("share").setType("FLOAT64"))
                .addFields(Field.newBuilder().setName("revenue").setType("NUMERIC"))
                .addFields(Field.newBuilder().setName("repeat").setType("BOOLEAN"))
                .addFields(Field.newBuilder().setName("first_at").setType("TIMESTAMP"))
                .addFields(Field.newBuilder().setName("day").setType("DATE"))
                .addFields(Field.newBuilder().setName("region").setType("STRING"))
                .addFields(Field.newBuilder().setName("tags").setType("INT64").setMode("REPEATED"))
                .addFields(Field.newBuilder().setName("missing").setType("INT64"))
                .build();
        Struct row = Struct.newBuilder()
                .putFields("orders", str("42"))
                .putFields("share", str("0.25"))
                .putFields("revenue", str("1250.50"))
                .putFields("repeat", str("true"))
                .putFields("first_at", str("1.7040672E9"))
                .putFields("day", str("2024-01-01"))
                .putFields("region", str("007"))
                .putFields(
                        "tags",
                        Value.newBuilder()
                                .setListValue(ListValue.newBuilder()
                                        .addValues(str("1"))
                                        .addValues(str("2")))
                                .build())
                .putFields(
                        "missing",
                        Value.newBuilder()
                                .setNullValue(com.google.protobuf.NullValue.NULL_VALUE)
                                .build())
                .build();
        fake.reply = List.of(
                system(SystemMessage.newBuilder()
                        .setData(DataMessage.newBuilder().setGeneratedSql("SELECT 1"))),
                system(SystemMessage.newBuilder()
                        .setData(DataMessage.newBuilder()
                                .setResult(DataResult.newBuilder()
                                        .setSchema(schema)
                                        .addData(row)))));

        ChatAnswer answer = chat.answer(AGENT, List.of(), "Everything about orders");

        assertThat(answer.rows()).hasSize(1);
        assertThat(answer.rows().get(0))
                .containsExactly(
                        42L,
                        0.25,
                        new java.math.BigDecimal("1250.50"),
                        true,
                        "2024-01-01T00:00:00Z",
                        "2024-01-01",
                        "007",
                        List.of(1L, 2L),
                        null);
    }

    @Test
    void anAnswerWithoutSqlIsADecline() {
        fake.reply = List.of(text(TextMessage.TextType.FINAL_RESPONSE, "I can only answer questions about orders."));

        ChatAnswer answer = chat.answer(AGENT, null, "What's the weather?");

        assertThat(answer.answered()).isFalse();
        assertThat(answer.sql()).isNull();
        assertThat(answer.chart()).isNull();
        assertThat(answer.answer()).isEqualTo("I can only answer questions about orders.");
    }

    @Test
    void rowsAreCappedAndMarkedTruncated() {
        DataResult.Builder many = DataResult.newBuilder()
                .setSchema(Schema.newBuilder().addFields(Field.newBuilder().setName("n")));
        for (int i = 0; i < 150; i++) {
            many.addData(Struct.newBuilder().putFields("n", num(i)));
        }
        List<Message> reply = new ArrayList<>();
        reply.add(system(
                SystemMessage.newBuilder().setData(DataMessage.newBuilder().setGeneratedSql("SELECT n FROM t"))));
        reply.add(system(
                SystemMessage.newBuilder().setData(DataMessage.newBuilder().setResult(many))));
        fake.reply = reply;

        ChatAnswer answer = chat.answer(AGENT, List.of(), "All numbers");

        assertThat(answer.rows()).hasSize(100);
        assertThat(answer.truncated()).isTrue();
    }

    @Test
    void anApiErrorSurfacesWithItsStatus() {
        fake.failure = Status.PERMISSION_DENIED.withDescription("no access to dataset");

        assertThatThrownBy(() -> chat.answer(AGENT, List.of(), "Revenue?"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PERMISSION_DENIED");
    }

    @Test
    void aUsedUpChatQuotaIsATypedAskAgainLaterNotAFailure() {
        fake.failure = Status.RESOURCE_EXHAUSTED.withDescription("Quota exceeded for chat requests per minute");

        assertThatThrownBy(() -> chat.answer(AGENT, List.of(), "Revenue?"))
                .isInstanceOfSatisfying(
                        ChatQuotaExhaustedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1)))
                .hasMessageContaining("quota");
    }
}
