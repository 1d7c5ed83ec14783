package com.capidemo.core.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperationsPathsTest {

    private final OperationsPaths paths = new OperationsPaths("q");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/q/metrics",
                "/q/openapi",
                "/q/openapi.json",
                "/q/openapi.yaml",
                "/q/openapi.yml",
                "//q/openapi",
                "/q//openapi",
                "//q/metrics",
                "/q//metrics",
                "/q/metrics/",
                "/q/swagger-ui/",
                "/Q/Metrics",
                "/%71/metrics",
                "/q/%6detrics",
                "/q;x=1/metrics",
                "///q///openapi.json",
                "/q",
                "/q/",
                "/q/dev-ui",
                "/q/anything-an-extension-adds"
            })
    void everySpellingOfAnOperationsPathIsProtected(String path) {
        assertThat(paths.isProtected(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/q/health",
                "/q/health/live",
                "/q/health/ready",
                "//q//health/ready",
                "/api/demos",
                "/",
                "",
                "/quick",
                "/api/q/metrics",
                "/qq/metrics"
            })
    void healthAndApplicationPathsAreNot(String path) {
        assertThat(paths.isProtected(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q", "q", "/q/", " q "})
    void theRootIsReadInAnySpelling(String root) {
        assertThat(new OperationsPaths(root).isProtected("//q/openapi.yml")).isTrue();
    }
}
