package com.capidemo.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.gcp.FakeHttpServer;
import com.capidemo.gcp.FakeHttpServer.Response;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start-up check of the designer's model through the real Gen AI SDK against a fake of Vertex AI's models.get. */
class GeminiModelCheckTest {

    private static final Set<String> SERVED = Set.of("gemini-3.5-flash");

    private FakeHttpServer vertex;
    private Client client;

    private Client vertex() throws Exception {
        vertex = new FakeHttpServer(request -> {
            String model = request.path().substring(request.path().lastIndexOf('/') + 1);
            return SERVED.contains(model)
                    ? Response.json(200, Map.of("name", "publishers/google/models/" + model, "displayName", model))
                    : Response.error(404, "NOT_FOUND", "Publisher Model `" + model + "` was not found");
        });
        client = Client.builder()
                .vertexAI(true)
                .project("p")
                .location("us-central1")
                .credentials(GoogleCredentials.create(
                        new AccessToken("t", Date.from(Instant.now().plus(Duration.ofHours(1))))))
                .httpOptions(HttpOptions.builder()
                        .baseUrl(vertex.url())
                        .retryOptions(HttpRetryOptions.builder().attempts(1).build())
                        .build())
                .build();
        return client;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (vertex != null) {
            vertex.close();
        }
    }

    @Test
    void theDefaultModelIsOneVertexAiServes() throws Exception {
        assertThat(GeminiModelCheck.requireServed(vertex(), GeminiDesignerConfig.DEFAULT_MODEL, "us-central1")
                        .name())
                .hasValue("publishers/google/models/gemini-3.5-flash");
        assertThat(vertex.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.path()).endsWith("/publishers/google/models/gemini-3.5-flash"));
    }

    @Test
    void aModelVertexAiDoesNotServeStopsTheStartNamingTheSetting() throws Exception {
        assertThatThrownBy(() -> GeminiModelCheck.requireServed(vertex(), "gemini-2.5-flash", "us-central1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'gemini-2.5-flash' is not served in us-central1")
                .hasMessageContaining("platform.gcp.llm-model")
                .hasMessageContaining("designer_model");
    }
}
