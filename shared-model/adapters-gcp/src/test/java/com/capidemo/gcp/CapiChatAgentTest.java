package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAnswer;
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
    private static final AgentSpec AGENT = new AgentSpec("demo_0a1b2c3d", "acme", "demo_0a1b2c3d", List.of("orders"),
            "", List.of(new GoldenQuery("Revenue by region", SQL, "medium", "table")));

    private final FakeDataChat fake = new FakeDataChat();
    private InProcessGrpc grpc;
    private DataChatServiceClient client;
    private CapiChatAgent chat;

    @BeforeEach
    void setUp() throws Exception {
        grpc = InProcessGrpc.start(fake);
        client = DataChatServiceClient.create(DataChatServiceSettings.newBuilder()
                .setTransportChannelProvider(grpc.channels()).setCredentialsProvider(InProcessGrpc.noCredentials()).build());
        chat = new CapiChatAgent(client, new CapiConfig("capi-demo", "global", Duration.ofSeconds(10)));
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
        return system(SystemMessage.newBuilder().setText(TextMessage.newBuilder().setTextType(type).addAllParts(List.of(parts))));
    }

    private static Value str(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Value num(double d) {
        return Value.newBuilder().setNumberValue(d).build();
    }

    private static Struct row(String region, double revenue) {
        return Struct.newBuilder().putFields("region", str(region)).putFields("revenue", num(revenue)).build();
    }

    private static List<Message> streamedAnswer(String sql) {
        Struct vega = Struct.newBuilder()
                .putFields("$schema", str("https://vega.github.io/schema/vega-lite/v5.json"))
                .putFields("mark", str("bar"))
                .putFields("encoding", Value.newBuilder().setStructValue(Struct.newBuilder()
                        .putFields("x", Value.newBuilder().setStructValue(Struct.newBuilder()
                                .putFields("field", str("region")).putFields("type", str("nominal"))).build())
                        .putFields("y", Value.newBuilder().setStructValue(Struct.newBuilder()
                                .putFields("field", str("revenue")).putFields("type", str("quantitative"))).build()))
                        .build())
                .putFields("tags", Value.newBuilder().setListValue(ListValue.newBuilder().addValues(str("a"))).build())
                .build();
        return List.of(
                text(TextMessage.TextType.THOUGHT, "I should group orders by region."),
                text(TextMessage.TextType.PROGRESS, "Running the query"),
                system(SystemMessage.newBuilder().setData(DataMessage.newBuilder().setGeneratedSql(sql))),
                system(SystemMessage.newBuilder().setData(DataMessage.newBuilder().setResult(DataResult.newBuilder()
                        .setName("result_1")
                        .setSchema(Schema.newBuilder().addFields(Field.newBuilder().setName("region").setType("STRING"))
                                .addFields(Field.newBuilder().setName("revenue").setType("FLOAT64")))
                        .addData(row("West", 1250.5)).addData(row("East", 900))))),
                system(SystemMessage.newBuilder().setChart(ChartMessage.newBuilder()
                        .setResult(ChartResult.newBuilder().setVegaConfig(vega)))),
                text(TextMessage.TextType.FINAL_RESPONSE, "West leads with ", "1,250.50 in revenue."),
                system(SystemMessage.newBuilder().setExampleQueries(ExampleQueries.newBuilder()
                        .addExampleQueries(ExampleQuery.newBuilder().setNaturalLanguageQuestion("Revenue by month")))));
    }

    @Test
    void theRequestReferencesThePublishedAgentAndReplaysTheConversation() {
        fake.reply = streamedAnswer(SQL);
        List<ChatTurn> history = List.of(new ChatTurn("How many orders?", "There are 42 orders.",
                "SELECT COUNT(*) FROM orders", ChatAnswer.PLANNED, null));

        chat.answer(AGENT, history, "And revenue by region?");

        ChatRequest request = fake.requests.get(0);
        assertThat(request.getParent()).isEqualTo("projects/capi-demo/locations/global");
        assertThat(request.getDataAgentContext().getDataAgent())
                .isEqualTo("projects/capi-demo/locations/global/dataAgents/agent-demo-0a1b2c3d");
        assertThat(request.getDataAgentContext().getContextVersion()).isEqualTo(DataAgentContext.ContextVersion.PUBLISHED);
        List<Message> messages = request.getMessagesList();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).getUserMessage().getText()).isEqualTo("How many orders?");
        assertThat(messages.get(1).getSystemMessage().getData().getGeneratedSql()).isEqualTo("SELECT COUNT(*) FROM orders");
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
        assertThat(answer.rows()).containsExactly(List.of("West", 1250.5), List.of("East", 900L));
        assertThat(answer.truncated()).isFalse();
        assertThat(answer.outcome()).isEqualTo(ChatAnswer.PLANNED);
        assertThat(answer.followUpQuestions()).containsExactly("Revenue by month");
        assertThat(answer.chart()).containsEntry("mark", "bar")
                .containsEntry("$schema", "https://vega.github.io/schema/vega-lite/v5.json")
                .containsEntry("tags", List.of("a"))
                .containsEntry("data", Map.of("values", List.of(Map.of("region", "West", "revenue", 1250.5),
                        Map.of("region", "East", "revenue", 900L))));
        assertThat(answer.chart().get("encoding")).isEqualTo(Map.of(
                "x", Map.of("field", "region", "type", "nominal"),
                "y", Map.of("field", "revenue", "type", "quantitative")));
    }

    @Test
    void aGoldenQuerysSqlIsReportedAsGolden() {
        fake.reply = streamedAnswer(SQL + ";");

        assertThat(chat.answer(AGENT, List.of(), "Revenue by region").outcome()).isEqualTo(ChatAnswer.GOLDEN);
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
        reply.add(system(SystemMessage.newBuilder().setData(DataMessage.newBuilder().setGeneratedSql("SELECT n FROM t"))));
        reply.add(system(SystemMessage.newBuilder().setData(DataMessage.newBuilder().setResult(many))));
        fake.reply = reply;

        ChatAnswer answer = chat.answer(AGENT, List.of(), "All numbers");

        assertThat(answer.rows()).hasSize(100);
        assertThat(answer.truncated()).isTrue();
    }

    @Test
    void anApiErrorSurfacesWithItsStatus() {
        fake.failure = Status.PERMISSION_DENIED.withDescription("no access to dataset");

        assertThatThrownBy(() -> chat.answer(AGENT, List.of(), "Revenue?")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PERMISSION_DENIED");
    }
}
