package com.capidemo.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.json.Json;
import com.capidemo.design.CustomerBrief;
import com.capidemo.design.CustomerProfile;
import com.capidemo.design.KnowledgeBase;
import com.capidemo.design.SchemaDesign;
import com.capidemo.design.SyntheticDataCompiler;
import com.capidemo.design.UseCase;
import com.capidemo.design.UseCaseAnalysis;
import com.capidemo.gcp.FakeHttpServer;
import com.capidemo.gcp.FakeHttpServer.Request;
import com.capidemo.gcp.FakeHttpServer.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Gemini designer through the real Gen AI SDK, against a fake of Vertex AI's generateContent REST method. */
class GeminiDemoDesignerTest {

    private static final String GENERATE =
            "/v1beta1/projects/p/locations/us-central1/publishers/google/models/" + "gemini-3.5-flash:generateContent";

    private final Deque<Response> answers = new ArrayDeque<>();
    private volatile long answerDelayMillis;
    private FakeHttpServer vertex;
    private Client client;
    private GeminiDemoDesigner designer;

    @BeforeEach
    void start() throws Exception {
        vertex = new FakeHttpServer(request -> {
            Thread.sleep(answerDelayMillis);
            return answers.isEmpty() ? Response.error(400, "invalid", "no canned answer left") : answers.poll();
        });
        client = Client.builder()
                .vertexAI(true)
                .project("p")
                .location("us-central1")
                .credentials(token())
                .httpOptions(HttpOptions.builder().baseUrl(vertex.url()).build())
                .build();
        designer = new GeminiDemoDesigner(client, GeminiDesignerConfig.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        vertex.close();
    }

    @Test
    void promptsCarryTheOfflineKnowledgeOfTheIndustryWhenOneFits() {
        KnowledgeBase knowledge = KnowledgeBase.load(configsKnowledge());
        GeminiDemoDesigner informed = new GeminiDemoDesigner(client, GeminiDesignerConfig.defaults(), knowledge);
        answers.add(candidate(GeminiAnswers.PROFILE, "STOP"));
        answers.add(candidate(GeminiAnswers.PROFILE, "STOP"));

        informed.research(
                new CustomerBrief("SkyBridge Airlines", "airline", null, null, List.of("on-time performance")));
        informed.research(new CustomerBrief("Paws", "veterinary clinics", null, null, List.of()));

        String airline = prompt(vertex.requests().get(0));
        assertThat(airline)
                .startsWith("Industry knowledge for Airlines")
                .contains("- flights (", "On-time performance");
        assertThat(prompt(vertex.requests().get(1))).doesNotContain("Industry knowledge");
    }

    private static java.nio.file.Path configsKnowledge() {
        for (String candidate : new String[] {"configs", "../configs", "../../configs"}) {
            java.nio.file.Path dir = java.nio.file.Path.of(candidate, "knowledge")
                    .toAbsolutePath()
                    .normalize();
            if (java.nio.file.Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("configs/knowledge not found");
    }

    @Test
    void researchSendsTheBriefWithTheProfileSchemaAndReadsTheProfile() {
        answers.add(candidate(GeminiAnswers.PROFILE, "STOP"));

        CustomerProfile profile = designer.research(brief());

        Request request = onlyRequest();
        assertThat(request.path()).isEqualTo(GENERATE);
        assertThat(request.header("authorization")).isEqualTo("Bearer test-token");
        JsonNode body = request.json();
        JsonNode generation = body.path("generationConfig");
        assertThat(generation.path("responseMimeType").asText()).isEqualTo("application/json");
        assertThat(generation.path("temperature").asDouble(-1)).isEqualTo(0.0);
        assertThat(generation.path("maxOutputTokens").asInt()).isEqualTo(32_768);
        assertThat(strings(generation.path("responseSchema").path("required")))
                .contains("customer_name", "industry", "regions", "cities", "currency", "data_start", "data_end");
        assertThat(prompt(request)).contains("Cymbal Outfitters").contains("\"customer_name\"");
        assertThat(body.path("systemInstruction")
                        .path("parts")
                        .path(0)
                        .path("text")
                        .asText())
                .contains("synthetic demo datasets");

        assertThat(profile.customerName()).isEqualTo("Cymbal Outfitters");
        assertThat(profile.industry()).isEqualTo("retail");
        assertThat(profile.currency()).isEqualTo("USD");
        assertThat(profile.regions()).containsExactly("Pacific Northwest", "California");
        assertThat(profile.cities()).contains("Seattle", "Portland");
        assertThat(profile.dataStart()).isEqualTo("2024-01-01");
    }

    @Test
    void researchAsksAgainWhenTheDatesAreNotIsoDates() {
        answers.add(candidate(GeminiAnswers.PROFILE.replace("\"2024-01-01\"", "\"January 2024\""), "STOP"));
        answers.add(candidate(GeminiAnswers.PROFILE, "STOP"));

        CustomerProfile profile = designer.research(brief());

        assertThat(vertex.requests()).hasSize(2);
        assertThat(prompt(vertex.requests().get(1)))
                .contains("January 2024")
                .contains("data_start and data_end must be ISO dates");
        assertThat(profile.dataStart()).isEqualTo("2024-01-01");
    }

    @Test
    void useCasesAreReadWithTheirTables() {
        answers.add(candidate(GeminiAnswers.USE_CASES, "STOP"));

        UseCaseAnalysis analysis = designer.analyzeUseCases(brief(), profile());

        assertThat(prompt(onlyRequest())).contains("Cymbal Outfitters").contains("\"data_start\"");
        assertThat(strings(onlyRequest()
                        .json()
                        .path("generationConfig")
                        .path("responseSchema")
                        .path("required")))
                .containsExactly("use_cases");
        assertThat(analysis.useCases())
                .extracting(UseCase::name)
                .containsExactly("Sales performance", "Customer loyalty");
        assertThat(analysis.useCases().get(0).entities()).containsExactly("stores", "products", "sales");
    }

    @Test
    void aValidSchemaDesignIsReadAndCompiles() {
        answers.add(candidate(GeminiAnswers.SCHEMA, "STOP"));

        SchemaDesign schema = designer.designSchema(profile(), useCases());

        JsonNode responseSchema = onlyRequest().json().path("generationConfig").path("responseSchema");
        assertThat(strings(responseSchema.path("required"))).containsExactly("dataset_description", "tables");
        JsonNode generator =
                responseSchema.at("/properties/tables/items/properties/columns/items/properties/generator");
        assertThat(strings(generator.path("required"))).containsExactly("kind");
        assertThat(strings(generator.at("/properties/kind/enum"))).contains("sequence", "foreign_key", "derived");
        assertThat(schema.tables()).extracting(t -> t.name()).containsExactly("stores", "products", "sales");
        assertThat(schema.table("sales")
                        .orElseThrow()
                        .column("store_id")
                        .orElseThrow()
                        .generator()
                        .references())
                .isEqualTo("stores.store_id");
        assertThat(new SyntheticDataCompiler()
                        .compile("t1", profile(), schema, "", List.of())
                        .tables())
                .hasSize(3);
    }

    @Test
    void anInvalidSchemaIsAskedForAgainWithItsProblems() {
        answers.add(candidate(GeminiAnswers.INVALID_SCHEMA, "STOP"));
        answers.add(candidate(GeminiAnswers.SCHEMA, "STOP"));

        SchemaDesign schema = designer.designSchema(profile(), useCases());

        assertThat(vertex.requests()).hasSize(2);
        assertThat(prompt(vertex.requests().get(1)))
                .contains("It has these problems")
                .contains("sales.date: name must be a snake_case identifier that is not a reserved word")
                .contains("sales.store_id: references shops.store_id which is not a column of an earlier table");
        assertThat(schema.tables()).hasSize(3);
    }

    @Test
    void aSchemaStillInvalidAfterTheRetryFailsListingItsProblems() {
        answers.add(candidate(GeminiAnswers.INVALID_SCHEMA, "STOP"));
        answers.add(candidate(GeminiAnswers.INVALID_SCHEMA, "STOP"));

        assertThatThrownBy(() -> designer.designSchema(profile(), useCases()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema design still has problems after one retry")
                .hasMessageContaining("sales.date: name must be")
                .hasMessageContaining("references shops.store_id");
        assertThat(vertex.requests()).hasSize(2);
    }

    @Test
    void goldenQueriesDropExcludedQuestionsAndUnknownTables() {
        answers.add(candidate(GeminiAnswers.GOLDEN_QUERIES, "STOP"));
        SchemaDesign schema = Json.read(GeminiAnswers.SCHEMA, SchemaDesign.class);

        List<GoldenQuery> queries =
                designer.goldenQueries(profile(), useCases(), schema, 5, Set.of("What is total revenue?"));

        assertThat(prompt(onlyRequest())).contains("Write 5 golden questions").contains("What is total revenue?");
        assertThat(strings(onlyRequest()
                        .json()
                        .at("/generationConfig/responseSchema/properties/golden_queries/items"
                                + "/properties/expected_result_type/enum")))
                .contains("single_value", "time_series", "ranking");
        assertThat(queries)
                .extracting(GoldenQuery::question)
                .containsExactly(
                        "Which 5 stores sold the most?",
                        "How did monthly revenue develop?",
                        "What share of revenue comes from each category?");
        assertThat(queries.get(1).expectedResultType()).isEqualTo("time_series");
    }

    @Test
    void theSystemInstructionIsTheAnswersText() {
        answers.add(candidate("{\"system_instruction\": \"You are a data analyst at Cymbal Outfitters.\"}", "STOP"));

        String instruction = designer.systemInstruction(profile(), Json.read(GeminiAnswers.SCHEMA, SchemaDesign.class));

        assertThat(instruction).isEqualTo("You are a data analyst at Cymbal Outfitters.");
        assertThat(strings(onlyRequest().json().at("/generationConfig/responseSchema/required")))
                .containsExactly("system_instruction");
    }

    @Test
    void aBlockedPromptFailsWithTheBlockReason() {
        answers.add(Response.json(
                200,
                Map.of(
                        "promptFeedback",
                        Map.of("blockReason", "PROHIBITED_CONTENT", "blockReasonMessage", "prompt was blocked"))));

        assertThatThrownBy(() -> designer.research(brief()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no answer for research")
                .hasMessageContaining("PROHIBITED_CONTENT");
    }

    @Test
    void aCutOffAnswerFailsWithTheFinishReason() {
        answers.add(candidate(GeminiAnswers.SCHEMA.substring(0, 200), "MAX_TOKENS"));

        assertThatThrownBy(() -> designer.designSchema(profile(), useCases()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("finish reason MAX_TOKENS");
    }

    @Test
    void anEmptyOrUnparseableAnswerFailsClearly() {
        answers.add(candidate("", "STOP"));
        answers.add(candidate("Sorry, I cannot help with that.", "STOP"));

        assertThatThrownBy(() -> designer.analyzeUseCases(brief(), profile()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answer is empty (finish reason STOP)");
        assertThatThrownBy(() -> designer.analyzeUseCases(brief(), profile()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use cases answer is not the expected JSON (finish reason STOP)");
    }

    @Test
    void theConfiguredModelAndTemperatureAreSent() {
        designer = new GeminiDemoDesigner(
                client, new GeminiDesignerConfig("gemini-2.5-pro", 0.4f, 4096, Duration.ofSeconds(30)));
        answers.add(candidate(GeminiAnswers.USE_CASES, "STOP"));

        designer.analyzeUseCases(brief(), profile());

        assertThat(onlyRequest().path()).endsWith("/publishers/google/models/gemini-2.5-pro:generateContent");
        JsonNode generation = onlyRequest().json().path("generationConfig");
        assertThat(generation.path("temperature").floatValue()).isEqualTo(0.4f);
        assertThat(generation.path("maxOutputTokens").asInt()).isEqualTo(4096);
    }

    @Test
    void aSlowAnswerFailsAfterTheConfiguredTimeout() {
        // The SDK retries a timed-out call (5 attempts by default); a client without retries shows the timeout alone.
        client.close();
        client = Client.builder()
                .vertexAI(true)
                .project("p")
                .location("us-central1")
                .credentials(token())
                .httpOptions(HttpOptions.builder()
                        .baseUrl(vertex.url())
                        .retryOptions(HttpRetryOptions.builder().attempts(1).build())
                        .build())
                .build();
        designer = new GeminiDemoDesigner(client, new GeminiDesignerConfig(null, 0f, 0, Duration.ofMillis(300)));
        answerDelayMillis = 1_200;
        answers.add(candidate(GeminiAnswers.USE_CASES, "STOP"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> designer.analyzeUseCases(brief(), profile())).isInstanceOf(RuntimeException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_100));
    }

    private static Response candidate(String text, String finishReason) {
        Map<String, Object> content = Map.of("role", "model", "parts", List.of(Map.of("text", text)));
        return Response.json(
                200,
                Map.of(
                        "candidates", List.of(Map.of("content", content, "finishReason", finishReason, "index", 0)),
                        "modelVersion", "gemini-2.5-flash",
                        "usageMetadata",
                                Map.of("promptTokenCount", 900, "candidatesTokenCount", 400, "totalTokenCount", 1300)));
    }

    private static GoogleCredentials token() {
        return GoogleCredentials.create(
                new AccessToken("test-token", Date.from(Instant.now().plus(Duration.ofHours(1)))));
    }

    private Request onlyRequest() {
        assertThat(vertex.requests()).hasSize(1);
        return vertex.requests().get(0);
    }

    private static String prompt(Request request) {
        JsonNode contents = request.json().path("contents");
        assertThat(contents.path(0).path("role").asText()).isEqualTo("user");
        return contents.path(0).path("parts").path(0).path("text").asText();
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static CustomerBrief brief() {
        return new CustomerBrief(
                "Cymbal Outfitters",
                "retail",
                "https://cymbal-outfitters.example",
                "Outdoor apparel stores in the Pacific Northwest",
                List.of("store sales", "loyalty"));
    }

    private static CustomerProfile profile() {
        return Json.read(GeminiAnswers.PROFILE, CustomerProfile.class);
    }

    private static UseCaseAnalysis useCases() {
        return Json.read(GeminiAnswers.USE_CASES, UseCaseAnalysis.class);
    }
}
