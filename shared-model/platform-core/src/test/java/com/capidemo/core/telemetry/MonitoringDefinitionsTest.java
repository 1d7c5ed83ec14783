package com.capidemo.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard (infra/dashboards/platform.json) and the alert policies (infra/monitoring.tf) read only metrics that
 * exist: a custom metric must be one the code exports ({@link PlatformMeters#EXPORTED}), a log-based metric one that
 * monitoring.tf defines, anything else a Google service's own metric. And {@link PlatformMeters} lists exactly the
 * meters the code registers, so a meter renamed in the code fails here instead of leaving an empty chart.
 */
class MonitoringDefinitionsTest {

    private static final Pattern METRIC_TYPE = Pattern.compile("metric\\.type=\\\\?\"([a-z0-9_./-]+)\\\\?\"");
    private static final Pattern TF_CUSTOM = Pattern.compile("\\$\\{local\\.custom}(/[a-z0-9_/]+)\\\\\"");
    private static final Pattern TF_LOG_METRIC =
            Pattern.compile("logging\\.googleapis\\.com/user/\\$\\{google_logging_metric\\.([a-z_]+)\\.name}");
    private static final Pattern TF_LOG_METRIC_NAME = Pattern.compile(
            "resource \"google_logging_metric\" \"([a-z_]+)\" \\{\\s*\\n\\s*project\\s*=[^\\n]*\\n\\s*name\\s*=\\s*\"([a-z_]+)\"");
    /** Meter names registered in main code: counter("x", timer("x", Timer.builder("x"), Gauge/MultiGauge/... */
    private static final Pattern REGISTERED = Pattern.compile(
            "(?:\\.counter|\\.timer|\\.gauge|\\.summary|(?:Timer|Counter|Gauge|MultiGauge|DistributionSummary)\\.builder)\\(\\s*\"([a-z_.]+)\"");
    /** Google services whose built-in metrics the dashboard and alerts may read. */
    private static final List<String> GOOGLE_METRICS = List.of(
            "run.googleapis.com/",
            "pubsub.googleapis.com/",
            "cloudtasks.googleapis.com/",
            "monitoring.googleapis.com/uptime_check/",
            "serviceruntime.googleapis.com/quota/");
    /** Meters Quarkus registers, not our code. */
    private static final Set<String> FRAMEWORK_METERS = Set.of(PlatformMeters.HTTP_SERVER_REQUESTS);

    private static final Path ROOT = root();

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/monitoring.tf"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "infra/monitoring.tf not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> exportedTypes() {
        Set<String> types = new TreeSet<>();
        PlatformMeters.EXPORTED.forEach(m -> types.add(PlatformMeters.metricType(m)));
        return types;
    }

    @Test
    void theDashboardIsAMosaicWhoseChartsReadOnlyMetricsThatExist() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(read("infra/dashboards/platform.json"));
        assertThat(dashboard.path("displayName").asText()).isNotBlank();
        JsonNode tiles = dashboard.path("mosaicLayout").path("tiles");
        assertThat(tiles.size()).isGreaterThanOrEqualTo(12);
        List<String> filters = new ArrayList<>();
        tiles.forEach(tile -> {
            assertThat(tile.path("widget").path("title").asText()).isNotBlank();
            assertThat(tile.path("xPos").asInt() + tile.path("width").asInt()).isLessThanOrEqualTo(48);
            tile.findValues("filter").forEach(f -> filters.add(f.asText()));
        });
        Set<String> types = new TreeSet<>();
        for (String filter : filters) {
            Matcher m = METRIC_TYPE.matcher(filter);
            assertThat(m.find()).as("filter names a metric type: %s", filter).isTrue();
            types.add(m.group(1));
        }
        assertKnown(types, Set.of());
        // the charts the operators asked for are there
        assertThat(types)
                .contains(
                        PlatformMeters.metricType(PlatformMeters.PROVISION_COUNT),
                        PlatformMeters.metricType(PlatformMeters.PROVISION_DURATION),
                        PlatformMeters.metricType(PlatformMeters.HTTP_SERVER_REQUESTS),
                        PlatformMeters.metricType(PlatformMeters.CHAT_DURATION),
                        PlatformMeters.metricType(PlatformMeters.CHAT_COUNT),
                        PlatformMeters.metricType(PlatformMeters.DEMOS_STATUS),
                        "pubsub.googleapis.com/subscription/num_undelivered_messages",
                        "pubsub.googleapis.com/subscription/oldest_unacked_message_age",
                        "pubsub.googleapis.com/subscription/dead_letter_message_count",
                        "run.googleapis.com/container/instance_count");
    }

    @Test
    void theAlertPoliciesReadOnlyMetricsThatExist() {
        String tf = read("infra/monitoring.tf");
        Set<String> logMetrics = new TreeSet<>();
        Matcher defined = TF_LOG_METRIC_NAME.matcher(tf);
        while (defined.find()) {
            logMetrics.add(defined.group(1));
        }
        assertThat(logMetrics).contains("scheduler_job_failed", "lifecycle_run_failed");

        Set<String> types = new TreeSet<>();
        Matcher custom = TF_CUSTOM.matcher(tf);
        while (custom.find()) {
            types.add(PlatformMeters.CUSTOM_PREFIX + custom.group(1).substring(1));
        }
        Matcher plain = METRIC_TYPE.matcher(tf);
        while (plain.find()) {
            if (plain.group(1).contains("/")) { // not the custom.googleapis.com prefix of local.custom
                types.add(plain.group(1));
            }
        }
        Matcher logUse = TF_LOG_METRIC.matcher(tf);
        int logUses = 0;
        while (logUse.find()) {
            assertThat(logMetrics)
                    .as("log-based metric %s is defined", logUse.group(1))
                    .contains(logUse.group(1));
            logUses++;
        }
        assertThat(logUses).isEqualTo(2);
        assertKnown(types, logMetrics);
        assertThat(types)
                .contains(
                        PlatformMeters.metricType(PlatformMeters.PROVISION_DURATION),
                        PlatformMeters.metricType(PlatformMeters.HTTP_SERVER_REQUESTS),
                        "run.googleapis.com/request_count",
                        "pubsub.googleapis.com/subscription/dead_letter_message_count",
                        "monitoring.googleapis.com/uptime_check/check_passed",
                        "serviceruntime.googleapis.com/quota/limit");
    }

    private static void assertKnown(Set<String> types, Set<String> logMetrics) {
        Set<String> exported = exportedTypes();
        for (String type : types) {
            if (type.startsWith(PlatformMeters.CUSTOM_PREFIX)) {
                assertThat(exported)
                        .as("custom metric %s is one the code exports", type)
                        .contains(type);
            } else if (type.startsWith("logging.googleapis.com/user/")) {
                assertThat(logMetrics).contains(type.substring("logging.googleapis.com/user/".length()));
            } else {
                assertThat(GOOGLE_METRICS)
                        .as("%s is a Google service's metric", type)
                        .anyMatch(type::startsWith);
            }
        }
    }

    @Test
    void theMeterListIsExactlyWhatTheCodeRegisters() throws IOException {
        Set<String> registered = new TreeSet<>();
        Set<String> constantsUsed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")
                            && p.toString().contains("/src/main/java/")
                            && !p.toString().contains("/target/"))
                    .toList()) {
                String source = Files.readString(file);
                Matcher m = REGISTERED.matcher(source);
                while (m.find()) {
                    registered.add(m.group(1));
                }
                Matcher c = Pattern.compile("PlatformMeters\\.([A-Z_]+)").matcher(source);
                while (c.find()) {
                    constantsUsed.add(c.group(1));
                }
            }
        }
        Set<String> listed = new TreeSet<>(PlatformMeters.EXPORTED);
        listed.addAll(PlatformMeters.PROMETHEUS_ONLY);
        listed.removeAll(FRAMEWORK_METERS);
        // a meter registered through a PlatformMeters constant counts as registered under the constant's value
        for (String constant : constantsUsed) {
            try {
                Object value = PlatformMeters.class.getField(constant).get(null);
                if (value instanceof String name && !file(name)) {
                    registered.add(name);
                }
            } catch (ReflectiveOperationException ignored) {
                // not a meter name (e.g. a method)
            }
        }
        registered.removeIf(name -> !name.contains("."));
        assertThat(registered).as("meters registered in main code").isEqualTo(listed);
    }

    /** PlatformMeters' own string constants that are not meter names. */
    private static boolean file(String value) {
        return value.equals(PlatformMeters.CUSTOM_PREFIX);
    }
}
