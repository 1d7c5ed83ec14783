package com.capidemo.gcp;

import com.capidemo.core.chart.VegaLite;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.port.ChatAnswer;
import com.google.cloud.geminidataanalytics.v1beta.ClarificationQuestion;
import com.google.cloud.geminidataanalytics.v1beta.DataMessage;
import com.google.cloud.geminidataanalytics.v1beta.DataResult;
import com.google.cloud.geminidataanalytics.v1beta.ExampleQuery;
import com.google.cloud.geminidataanalytics.v1beta.Field;
import com.google.cloud.geminidataanalytics.v1beta.Message;
import com.google.cloud.geminidataanalytics.v1beta.SystemMessage;
import com.google.cloud.geminidataanalytics.v1beta.TextMessage;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds the messages the Conversational Analytics API streams for one question into our {@link ChatAnswer}: the
 * final-response text (thoughts and progress notes are dropped), the last generated SQL, the last data result (rows
 * capped like the local agent's) and the last Vega-Lite chart, with the rows inlined when the chart has no data.
 * An answer without SQL is a decline: the API explained or asked back instead of querying.
 */
final class CapiAnswer {

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder fallbackText = new StringBuilder();
    private final Set<String> followUps = new LinkedHashSet<>();
    private String sql;
    private DataResult result;
    private Struct chart;

    void accept(Message message) {
        if (!message.hasSystemMessage()) {
            return;
        }
        SystemMessage m = message.getSystemMessage();
        if (m.hasText()) {
            TextMessage t = m.getText();
            boolean fin = t.getTextType() == TextMessage.TextType.FINAL_RESPONSE
                    || t.getTextType() == TextMessage.TextType.TEXT_TYPE_UNSPECIFIED;
            if (fin) {
                append(text, String.join("", t.getPartsList()));
            }
        } else if (m.hasData()) {
            DataMessage d = m.getData();
            if (d.hasGeneratedSql()) {
                sql = d.getGeneratedSql().strip();
            } else if (d.hasResult()) {
                result = d.getResult();
            }
        } else if (m.hasChart()
                && m.getChart().hasResult()
                && m.getChart().getResult().hasVegaConfig()) {
            chart = m.getChart().getResult().getVegaConfig();
        } else if (m.hasError()) {
            append(fallbackText, m.getError().getText());
        } else if (m.hasClarification()) {
            for (ClarificationQuestion q : m.getClarification().getQuestionsList()) {
                append(fallbackText, q.getQuestion());
                followUps.addAll(q.getOptionsList());
            }
        } else if (m.hasExampleQueries()) {
            m.getExampleQueries().getExampleQueriesList().stream()
                    .map(ExampleQuery::getNaturalLanguageQuestion)
                    .filter(q -> !q.isBlank())
                    .forEach(followUps::add);
        }
    }

    ChatAnswer toAnswer(List<GoldenQuery> golden, String dataset) {
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        if (result != null) {
            List<Field> fields = result.getSchema().getFieldsList();
            fields.stream().map(Field::getName).forEach(columns::add);
            for (Struct row : result.getDataList()) {
                if (rows.size() == ChatAnswer.MAX_ROWS) {
                    truncated = true;
                    break;
                }
                List<Object> values = new ArrayList<>(columns.size());
                for (Field f : fields) {
                    values.add(typed(row.getFieldsOrDefault(f.getName(), Value.getDefaultInstance()), f));
                }
                rows.add(values);
            }
        }
        String answer = text.length() > 0 ? text.toString() : fallbackText.toString();
        String outcome =
                sql == null ? ChatAnswer.DECLINED : isGolden(golden, dataset) ? ChatAnswer.GOLDEN : ChatAnswer.PLANNED;
        return new ChatAnswer(
                answer, sql, columns, rows, truncated, chart(columns, rows), List.copyOf(followUps), outcome, null);
    }

    /**
     * Whether the API ran one of the demo's golden queries. Like is compared with like: the golden SQL (DuckDB, as
     * our templates write it) is translated to GoogleSQL as the agent was taught it, and both sides lose what does
     * not change the query: case, whitespace, a final semicolon, backticks and the project/dataset qualifier of the
     * demo's own tables, which the API writes and the golden queries leave to the default dataset.
     */
    private boolean isGolden(List<GoldenQuery> golden, String dataset) {
        String mine = normal(sql, dataset);
        return golden != null
                && golden.stream()
                        .anyMatch(g -> g.sql() != null
                                && normal(CapiDataAgents.googleSql(g.sql()), dataset)
                                        .equals(mine));
    }

    static String normal(String sql, String dataset) {
        String s = sql.replace("`", "");
        if (dataset != null && !dataset.isBlank()) {
            s = s.replaceAll("(?i)(?<![\\w.-])(?:[a-z0-9_-]+\\.)?" + Pattern.quote(dataset) + "\\.", "");
        }
        return s.replaceAll("\\s+", " ").replaceAll(";\\s*$", "").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A result value by the result schema's column type. The API sends simple values as strings ("1250.5", "42",
     * "true"); they become what the warehouse port returns for the same column ({@link BigQueryValues}): INT64 a Long,
     * FLOAT64 a Double, NUMERIC/BIGNUMERIC a BigDecimal, BOOL a Boolean, TIMESTAMP an ISO-8601 instant, anything else
     * text. Repeated columns type each element; a value that does not parse as its type stays as sent.
     */
    static Object typed(Value v, Field field) {
        String type = field.getType().toUpperCase(Locale.ROOT);
        if (v.getKindCase() == Value.KindCase.LIST_VALUE) {
            Field element = field.toBuilder().setMode("NULLABLE").build();
            List<Object> out = new ArrayList<>();
            v.getListValue().getValuesList().forEach(x -> out.add(typed(x, element)));
            return out;
        }
        if (v.getKindCase() != Value.KindCase.STRING_VALUE || type.isEmpty()) {
            return java(v);
        }
        String s = v.getStringValue().strip();
        try {
            return switch (type) {
                case "INT64", "INTEGER", "INT" -> Long.parseLong(s);
                case "FLOAT64", "FLOAT", "DOUBLE" -> Double.parseDouble(s);
                case "NUMERIC", "BIGNUMERIC", "DECIMAL", "BIGDECIMAL" -> new BigDecimal(s);
                case "BOOL", "BOOLEAN" ->
                    s.equalsIgnoreCase("true")
                            ? Boolean.TRUE
                            : s.equalsIgnoreCase("false") ? Boolean.FALSE : v.getStringValue();
                case "TIMESTAMP" -> timestamp(s);
                default -> v.getStringValue();
            };
        } catch (RuntimeException e) {
            return v.getStringValue();
        }
    }

    /** BigQuery writes a TIMESTAMP as epoch seconds ("1.7040672E9") or as text; either becomes an ISO instant. */
    private static String timestamp(String s) {
        if (s.matches("-?[0-9.]+(E-?[0-9]+)?")) {
            BigDecimal micros = new BigDecimal(s).movePointRight(6).setScale(0, RoundingMode.HALF_UP);
            long m = micros.longValueExact();
            return Instant.EPOCH.plus(m, ChronoUnit.MICROS).toString();
        }
        String iso = s.replaceFirst(" UTC$", "Z").replaceFirst(" ", "T").replaceFirst("([+-]\\d{2})$", "$1:00");
        return OffsetDateTime.parse(iso)
                .toInstant()
                .truncatedTo(ChronoUnit.MICROS)
                .toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> chart(List<String> columns, List<List<Object>> rows) {
        if (chart == null) {
            return null;
        }
        Map<String, Object> spec = (Map<String, Object>)
                java(Value.newBuilder().setStructValue(chart).build());
        VegaLite.inlineData(spec, columns, rows);
        return spec;
    }

    private static void append(StringBuilder b, String s) {
        if (s == null || s.isBlank()) {
            return;
        }
        if (b.length() > 0) {
            b.append('\n');
        }
        b.append(s.strip());
    }

    /** A protobuf JSON value as plain Java: whole numbers become Long, objects maps, arrays lists. */
    static Object java(Value v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> v.getBoolValue();
            case STRING_VALUE -> v.getStringValue();
            case NUMBER_VALUE -> {
                double d = v.getNumberValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            case STRUCT_VALUE -> {
                Map<String, Object> m = new LinkedHashMap<>();
                v.getStructValue().getFieldsMap().forEach((k, x) -> m.put(k, java(x)));
                yield m;
            }
            case LIST_VALUE -> {
                ListValue l = v.getListValue();
                List<Object> out = new ArrayList<>(l.getValuesCount());
                l.getValuesList().forEach(x -> out.add(java(x)));
                yield out;
            }
        };
    }
}
