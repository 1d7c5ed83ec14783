package com.capidemo.core.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * One JSON object per line in Cloud Logging's structured format (what Cloud Run's log agent turns into a LogEntry):
 * {@code severity}, {@code message}, {@code time}, {@code logging.googleapis.com/trace} as
 * {@code projects/PROJECT/traces/TRACE_ID} with {@code spanId} and {@code trace_sampled} (so a log line opens from its
 * trace and the trace from the line), the MDC's ids (job_id, demo_id, tenant_id, ...) as fields, and {@code httpRequest}
 * for an {@link HttpRequestLog}. A line with an exception carries its stack trace in {@code message} and the
 * {@code @type} of a ReportedErrorEvent with the service's {@code serviceContext}, which is what Error Reporting groups.
 */
public final class CloudLoggingFormatter extends ExtFormatter {

    public static final String TRACE = "logging.googleapis.com/trace";
    public static final String SPAN_ID = "logging.googleapis.com/spanId";
    public static final String TRACE_SAMPLED = "logging.googleapis.com/trace_sampled";
    public static final String ERROR_EVENT =
            "type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent";

    /** MDC keys Quarkus' OpenTelemetry puts on every line of a traced request; rendered as the fields above. */
    private static final Set<String> TRACE_KEYS = Set.of("traceId", "spanId", "sampled", "parentId");

    private static final JsonFactory JSON = new JsonFactory();

    private final String project;
    private final String service;
    private final String version;

    public CloudLoggingFormatter(String project, String service, String version) {
        this.project = project;
        this.service = service;
        this.version = version;
    }

    @Override
    public String format(ExtLogRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("severity", severity(record.getLevel()));
            json.writeStringField("message", message(record));
            json.writeStringField("time", record.getInstant().toString());
            json.writeStringField("logger", record.getLoggerName());
            json.writeStringField("thread", record.getThreadName());
            Map<String, String> mdc = record.getMdcCopy();
            String traceId = mdc.get("traceId");
            if (traceId != null && !traceId.isEmpty() && !traceId.matches("0+")) {
                json.writeStringField(TRACE, "projects/" + project + "/traces/" + traceId);
                if (mdc.get("spanId") != null) {
                    json.writeStringField(SPAN_ID, mdc.get("spanId"));
                }
                json.writeBooleanField(TRACE_SAMPLED, Boolean.parseBoolean(mdc.get("sampled")));
            }
            for (Map.Entry<String, String> e : mdc.entrySet()) {
                if (!TRACE_KEYS.contains(e.getKey()) && e.getValue() != null) {
                    json.writeStringField(e.getKey(), e.getValue());
                }
            }
            Object[] parameters = record.getParameters();
            if (parameters != null && parameters.length > 0 && parameters[0] instanceof HttpRequestLog http) {
                http.writeTo(json);
            }
            if (record.getThrown() != null) {
                json.writeStringField("@type", ERROR_EVENT);
                json.writeObjectFieldStart("serviceContext");
                json.writeStringField("service", service);
                json.writeStringField("version", version);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.append('\n').toString();
    }

    /** Cloud Logging's LogSeverity for a JBoss / JUL level. */
    static String severity(Level level) {
        int value = level.intValue();
        if (value >= org.jboss.logmanager.Level.FATAL.intValue()) {
            return "CRITICAL";
        }
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return "DEBUG";
    }

    /** The message; with an exception, followed by its stack trace (Error Reporting reads it from here). */
    private String message(ExtLogRecord record) {
        String message = formatMessage(record);
        Throwable thrown = record.getThrown();
        if (thrown == null) {
            return message == null ? "" : message;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return (message == null || message.isEmpty() ? "" : message + "\n") + trace;
    }
}
