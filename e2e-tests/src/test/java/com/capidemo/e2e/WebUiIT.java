package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Web UI in a real browser: one platform started like a user starts it, and {@code src/test/browser/webui.mjs}
 * driving Debian's chromium through it with playwright-core (sign-in, templates, a quick provision watched to
 * 100 %, chat with SQL, table and chart, a follow-up chip, a declined question, the custom form's field errors and a
 * custom demo's stages, a pipeline run, the dashboard, pin, share links opened in a fresh browser, clone and delete,
 * all under a strict Content-Security-Policy). Each browser step is reported as its own test, a step the script
 * leaves out of this run as a skipped one; screenshots land in {@code e2e-tests/target/screenshots/}.
 *
 * <p>Every step runs against the real platform (only the expired-link page gets its 410 answered in the browser). Needs
 * node and {@code /usr/bin/chromium} (apt-get install -y chromium).
 */
class WebUiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SCRIPT_TIMEOUT_MINUTES = 10;

    private static PlatformProcess platform;
    private static final List<JsonNode> steps = Collections.synchronizedList(new ArrayList<>());
    private static volatile JsonNode summary;
    private static final StringBuilder output = new StringBuilder();
    private static int exitCode = -1;

    @BeforeAll
    static void runTheBrowserSuite() throws IOException, InterruptedException {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("chromium is missing at " + chromium
                    + ": the browser tests need Debian's chromium (apt-get install -y chromium; .ci/run installs it)");
        }
        Path root = PlatformProcess.locateRoot();
        Path browserDir = root.resolve("e2e-tests/src/test/browser");
        if (!Files.isDirectory(browserDir.resolve("node_modules/playwright-core"))) {
            throw new IllegalStateException("playwright-core is not installed in " + browserDir
                    + " (the e2e-tests build runs npm ci there in pre-integration-test)");
        }
        Path screenshots = root.resolve("e2e-tests/target/screenshots");
        Files.createDirectories(screenshots);
        platform = PlatformProcess.start("webui", Map.of());
        // The quick worker is held most of the time (from the outside), so the job page has progress to show
        // between 0 and 100 %.
        ProcessThrottle slowWorker =
                platform.throttle("quick-provisioner", Duration.ofMillis(40), Duration.ofMillis(60));

        ProcessBuilder pb = new ProcessBuilder("node", "webui.mjs")
                .directory(browserDir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("BASE_URL", platform.url());
        pb.environment().put("API_KEY", platform.apiKey());
        pb.environment().put("SCREENSHOT_DIR", screenshots.toString());
        pb.environment().put("CHROMIUM", chromium.toString());
        Process node = pb.start();
        node.getOutputStream().close();
        // The output is read on its own thread so that a browser that hangs cannot hold the build past the timeout.
        Thread reader = new Thread(() -> readSteps(node), "webui-output");
        reader.start();
        if (!node.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            output.append("(the browser script ran longer than ")
                    .append(SCRIPT_TIMEOUT_MINUTES)
                    .append(" minutes and was stopped)\n");
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
            node.waitFor(10, TimeUnit.SECONDS);
        }
        slowWorker.close();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        exitCode = node.isAlive() ? -1 : node.exitValue();
    }

    private static void readSteps(Process node) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                System.out.println("[webui] " + line);
                if (line.startsWith("{")) {
                    JsonNode json = JSON.readTree(line);
                    if (json.has("summary")) {
                        summary = json;
                    } else if (json.has("step")) {
                        steps.add(json);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            synchronized (output) {
                output.append("(output unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.down();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBrowserStepPasses() {
        assertThat(summary)
                .as(
                        "the browser script ended without its summary (exit %s):\n%s\n%s",
                        exitCode, output, platform == null ? "" : platform.logTails(30))
                .isNotNull();
        assertThat(steps).as("browser steps").hasSizeGreaterThanOrEqualTo(30);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode step : steps) {
            String name = step.path("step").asText();
            boolean leftOut =
                    step.path("ok").asBoolean() && step.path("skipped").asBoolean();
            tests.add(dynamicTest(name, () -> {
                Assumptions.assumeFalse(
                        leftOut,
                        () -> "left out of this run: " + step.path("reason").asText());
                assertThat(step.path("ok").asBoolean())
                        .as("%s: %s", name, step.path("error").asText())
                        .isTrue();
            }));
        }
        tests.add(dynamicTest(
                "the browser script exits 0",
                () -> assertThat(exitCode).as(output.toString()).isZero()));
        return tests.stream();
    }
}
