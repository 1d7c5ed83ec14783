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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        } else if (m.hasChart() && m.getChart().hasResult() && m.getChart().getResult().hasVegaConfig()) {
            chart = m.getChart().getResult().getVegaConfig();
        } else if (m.hasError()) {
            append(fallbackText, m.getError().getText());
        } else if (m.hasClarification()) {
            for (ClarificationQuestion q : m.getClarification().getQuestionsList()) {
                append(fallbackText, q.getQuestion());
                followUps.addAll(q.getOptionsList());
            }
        } else if (m.hasExampleQueries()) {
            m.getExampleQueries().getExampleQueriesList().stream().map(ExampleQuery::getNaturalLanguageQuestion)
                    .filter(q -> !q.isBlank()).forEach(followUps::add);
        }
    }

    ChatAnswer toAnswer(List<GoldenQuery> golden) {
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        if (result != null) {
            result.getSchema().getFieldsList().stream().map(Field::getName).forEach(columns::add);
            for (Struct row : result.getDataList()) {
                if (rows.size() == ChatAnswer.MAX_ROWS) {
                    truncated = true;
                    break;
                }
                List<Object> values = new ArrayList<>(columns.size());
                for (String c : columns) {
                    values.add(java(row.getFieldsOrDefault(c, Value.getDefaultInstance())));
                }
                rows.add(values);
            }
        }
        String answer = text.length() > 0 ? text.toString() : fallbackText.toString();
        String outcome = sql == null ? ChatAnswer.DECLINED : isGolden(golden) ? ChatAnswer.GOLDEN : ChatAnswer.PLANNED;
        return new ChatAnswer(answer, sql, columns, rows, truncated, chart(columns, rows), List.copyOf(followUps),
                outcome, null);
    }

    private boolean isGolden(List<GoldenQuery> golden) {
        String mine = normal(sql);
        return golden != null && golden.stream().anyMatch(g -> g.sql() != null && normal(g.sql()).equals(mine));
    }

    private static String normal(String sql) {
        return sql.replaceAll("\\s+", " ").replaceAll(";\\s*$", "").strip().toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> chart(List<String> columns, List<List<Object>> rows) {
        if (chart == null) {
            return null;
        }
        Map<String, Object> spec = (Map<String, Object>) java(Value.newBuilder().setStructValue(chart).build());
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
