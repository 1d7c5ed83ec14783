package com.capidemo.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.testing.ApiReference.Endpoint;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ApiReferenceCheckTest {

    private static final String DOC = """
            # HTTP API
            | `GET /elsewhere` | a row before any section is no one's |
            ## alpha-service (port 1)
            | endpoint | answer |
            |---|---|
            | `GET /api/things` | `[?limit=]` the things |
            | `POST /api/things/{thingId}/pin` | pins one |
            Text mentioning `DELETE /api/other` is not a row.
            ## beta-service (port 2)
            | `POST /tasks/{target}` | a task |
            """;

    private static final String OPENAPI = """
            {"openapi": "3.1.0", "paths": {
              "/api/things": {"get": {}, "parameters": []},
              "/api/things/{thingId}/pin": {"post": {}}
            }}""";

    @Test
    void aSectionsRowsAreItsEndpointsWithTheQueryLeftOut() {
        assertThat(ApiReference.documented(DOC, "alpha-service"))
                .containsExactly(new Endpoint("GET", "/api/things"), new Endpoint("POST", "/api/things/{thingId}/pin"));
        assertThat(ApiReference.documented(DOC, "beta-service"))
                .containsExactly(new Endpoint("POST", "/tasks/{target}"));
    }

    @Test
    void theOpenApiPathsAndMethodsAreTheServedEndpoints() {
        assertThat(ApiReference.served(OPENAPI))
                .containsExactly(new Endpoint("GET", "/api/things"), new Endpoint("POST", "/api/things/{thingId}/pin"));
    }

    @Test
    void aMatchingSectionPasses() {
        ApiReference.assertMatches(OPENAPI, DOC, "alpha-service");
    }

    @Test
    void anUndocumentedEndpointFailsNamingIt() {
        String more = OPENAPI.replace("\"post\": {}", "\"post\": {}, \"delete\": {}");
        assertThatThrownBy(() -> ApiReference.assertMatches(more, DOC, "alpha-service"))
                .hasMessageContaining("served but not documented: [DELETE /api/things/{thingId}/pin]")
                .hasMessageNotContaining("documented but not served");
    }

    @Test
    void aDocumentedEndpointThatIsNotServedFailsNamingIt() {
        String fewer = DOC.replace("{thingId}/pin", "{id}/pin");
        assertThatThrownBy(() -> ApiReference.assertMatches(OPENAPI, fewer, "alpha-service"))
                .hasMessageContaining("served but not documented: [POST /api/things/{thingId}/pin]")
                .hasMessageContaining("documented but not served: [POST /api/things/{id}/pin]");
    }

    @Test
    void aMissingSectionOrAnEmptyDocumentFails() {
        assertThatThrownBy(() -> ApiReference.documented(DOC, "gamma-service")).hasMessageContaining("no section");
        assertThatThrownBy(() -> ApiReference.assertMatches("{\"paths\": {}}", DOC, "alpha-service"))
                .hasMessageContaining("lists no endpoint");
    }

    @Test
    void theRepositorysReferenceHasASectionPerService() throws Exception {
        String doc = Files.readString(ApiReference.file());
        for (String service :
                new String[] {"api-service", "quick-provisioner", "custom-provisioner", "lifecycle-service"}) {
            assertThat(ApiReference.documented(doc, service)).as(service).isNotEmpty();
        }
    }
}
