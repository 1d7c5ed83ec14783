package com.capidemo.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.Test;

class CloudLoggingFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CloudLoggingFormatter formatter =
            new CloudLoggingFormatter("demo-project", "quick-provisioner", "1.0");

    private static ExtLogRecord record(java.util.logging.Level level, String message, Map<String, String> mdc) {
        ExtLogRecord record = new ExtLogRecord(level, message, ExtLogRecord.FormatStyle.NO_FORMAT, "test");
        record.setLoggerName("com.capidemo.quick.service.PushHandler");
        record.setMdc(mdc);
        return record;
    }

    private JsonNode line(ExtLogRecord record) throws Exception {
        String text = formatter.format(record);
        assertThat(text).endsWith("\n");
        assertThat(text.strip()).doesNotContain("\n"); // one object per line, whatever the message holds
        return JSON.readTree(text);
    }

    @Test
    void aTracedLineCarriesSeverityTraceSpanAndTheJobIdsAsCloudLoggingFields() throws Exception {
        JsonNode line = line(record(
                Level.WARN,
                "job j1 is leased by w2",
                Map.of(
                        "traceId",
                        "4bf92f3577b34da6a3ce929d0e0e4736",
                        "spanId",
                        "00f067aa0ba902b7",
                        "sampled",
                        "true",
                        "job_id",
                        "j1",
                        "demo_id",
                        "d1",
                        "tenant_id",
                        "acme")));

        assertThat(line.get("severity").asText()).isEqualTo("WARNING");
        assertThat(line.get("message").asText()).isEqualTo("job j1 is leased by w2");
        assertThat(line.get("logging.googleapis.com/trace").asText())
                .isEqualTo("projects/demo-project/traces/4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.get("logging.googleapis.com/spanId").asText()).isEqualTo("00f067aa0ba902b7");
        assertThat(line.get("logging.googleapis.com/trace_sampled").asBoolean()).isTrue();
        assertThat(line.get("job_id").asText()).isEqualTo("j1");
        assertThat(line.get("demo_id").asText()).isEqualTo("d1");
        assertThat(line.get("tenant_id").asText()).isEqualTo("acme");
        assertThat(line.has("traceId")).isFalse();
        assertThat(line.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(line.has("@type")).isFalse();
    }

    @Test
    void levelsMapToCloudLoggingSeverities() throws Exception {
        assertThat(line(record(Level.INFO, "x", Map.of())).get("severity").asText())
                .isEqualTo("INFO");
        assertThat(line(record(Level.DEBUG, "x", Map.of())).get("severity").asText())
                .isEqualTo("DEBUG");
        assertThat(line(record(Level.TRACE, "x", Map.of())).get("severity").asText())
                .isEqualTo("DEBUG");
        assertThat(line(record(Level.ERROR, "x", Map.of())).get("severity").asText())
                .isEqualTo("ERROR");
        assertThat(line(record(Level.FATAL, "x", Map.of())).get("severity").asText())
                .isEqualTo("CRITICAL");
    }

    @Test
    void anErrorWithAnExceptionIsAReportedErrorEventWithItsStackTraceInTheMessage() throws Exception {
        ExtLogRecord record = record(Level.ERROR, "provisioning attempt 1 of job j1 failed", Map.of("job_id", "j1"));
        record.setThrown(new IllegalStateException("table orders has 3 rows, expected 4"));

        JsonNode line = line(record);

        assertThat(line.get("severity").asText()).isEqualTo("ERROR");
        assertThat(line.get("@type").asText()).isEqualTo(CloudLoggingFormatter.ERROR_EVENT);
        assertThat(line.get("serviceContext").get("service").asText()).isEqualTo("quick-provisioner");
        String message = line.get("message").asText();
        assertThat(message)
                .startsWith("provisioning attempt 1 of job j1 failed\n"
                        + "java.lang.IllegalStateException: table orders has 3 rows, expected 4");
        assertThat(message).contains("\tat com.capidemo.core.logging.CloudLoggingFormatterTest.");
    }

    @Test
    void anAccessLogLineCarriesTheHttpRequestObject() throws Exception {
        ExtLogRecord record = record(Level.INFO, "{0}", Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736"));
        record.setParameters(new Object[] {
            new HttpRequestLog("GET", "/api/demos", 200, 0, 512, 12_500_000L, "10.0.0.1", "curl/8", "HTTP/1.1")
        });

        JsonNode http = line(record).get("httpRequest");

        assertThat(http.get("requestMethod").asText()).isEqualTo("GET");
        assertThat(http.get("requestUrl").asText()).isEqualTo("/api/demos");
        assertThat(http.get("status").asInt()).isEqualTo(200);
        assertThat(http.get("responseSize").asText()).isEqualTo("512");
        assertThat(http.get("latency").asText()).isEqualTo("0.012500000s");
    }

    @Test
    void aLineOutsideATraceHasNoTraceFields() throws Exception {
        JsonNode line = line(record(Level.INFO, "adapters: local ...", Map.of()));
        assertThat(line.has("logging.googleapis.com/trace")).isFalse();
        assertThat(line.has("logging.googleapis.com/spanId")).isFalse();
    }
}
