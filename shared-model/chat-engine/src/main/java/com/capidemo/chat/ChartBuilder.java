package com.capidemo.chat;

import com.capidemo.core.chart.VegaLite;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chooses a chart for a result and writes it as a Vega-Lite v5 spec with the rows inline: a time series is a line,
 * a category with one measure a bar, shares of a total an arc (pie), two measures a point (scatter), and a single
 * value (or nothing) no chart at all.
 */
public final class ChartBuilder {

    public static final String SCHEMA = VegaLite.SCHEMA;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+)?");
    private static final Pattern TIME_NAME = Pattern.compile("(^|_)(year|month|quarter|week|day|date|period)$");
    private static final Pattern SHARE_NAME = Pattern.compile("(^pct_of|^share|_pct$|^pct_|percent|_share$)");

    private ChartBuilder() {}

    /** Column roles inferred from names and values. */
    enum Role {
        TIME,
        CATEGORY,
        MEASURE
    }

    /** @return a Vega-Lite spec, or null when the result is a single value or empty */
    public static Map<String, Object> chart(List<String> columns, List<List<Object>> rows) {
        return chart(columns, rows, null);
    }

    /**
     * A chart whose y axis is the measure the question named: of several numeric columns ("orders" and
     * "gross_revenue" by month), the one whose name shares most words with the question; the first when none does.
     *
     * @param question what was asked (null: the first measure)
     * @return a Vega-Lite spec, or null when the result is a single value or empty
     */
    public static Map<String, Object> chart(List<String> columns, List<List<Object>> rows, String question) {
        if (rows.isEmpty() || columns.isEmpty()) {
            return null;
        }
        List<Role> roles = roles(columns, rows);
        int time = roles.indexOf(Role.TIME);
        int category = roles.indexOf(Role.CATEGORY);
        List<Integer> measures = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == Role.MEASURE) {
                measures.add(i);
            }
        }
        if (measures.isEmpty() || rows.size() == 1 && time < 0) {
            return null;
        }
        int asked = asked(columns, measures, question);
        if (asked > 0) {
            measures.add(0, measures.remove(asked));
        }
        if (time >= 0 && rows.size() >= 2) {
            int y = measures.get(0);
            Map<String, Object> enc = new LinkedHashMap<>();
            enc.put("x", field(columns.get(time), isIntegerColumn(rows, time) ? "ordinal" : "temporal"));
            enc.put("y", field(columns.get(y), "quantitative"));
            if (category >= 0) {
                enc.put("color", field(columns.get(category), "nominal"));
            }
            enc.put("tooltip", tooltip(columns, roles));
            return spec("line", columns, rows, enc, true);
        }
        if (category >= 0) {
            int share = shareColumn(columns, rows, measures);
            if (share >= 0 && rows.size() <= 12) {
                Map<String, Object> enc = new LinkedHashMap<>();
                enc.put("theta", field(columns.get(share), "quantitative"));
                enc.put("color", field(columns.get(category), "nominal"));
                enc.put("tooltip", tooltip(columns, roles));
                return spec("arc", columns, rows, enc, false);
            }
            if (measures.size() == 2) {
                return point(columns, rows, roles, measures, category);
            }
            int y = measures.get(0);
            Map<String, Object> enc = new LinkedHashMap<>();
            Map<String, Object> x = field(columns.get(category), "nominal");
            x.put("sort", "-y");
            enc.put("x", x);
            enc.put("y", field(columns.get(y), "quantitative"));
            enc.put("tooltip", tooltip(columns, roles));
            return spec("bar", columns, rows, enc, false);
        }
        if (measures.size() >= 2) {
            return point(columns, rows, roles, measures, -1);
        }
        return null;
    }

    /** The index in {@code measures} of the measure the question names most words of (0 when none stands out). */
    private static int asked(List<String> columns, List<Integer> measures, String question) {
        if (question == null || measures.size() < 2) {
            return 0;
        }
        java.util.Set<String> said = new java.util.HashSet<>();
        for (Words.Token t : Words.tokenize(question)) {
            if (t.kind() == Words.Kind.WORD && !Words.STOP.contains(t.text())
                    || Words.MEANINGFUL_STOP.contains(t.text())) {
                said.add(t.stem());
            }
        }
        int best = 0;
        int bestHits = 0;
        for (int i = 0; i < measures.size(); i++) {
            int hits = 0;
            for (String w : Words.nameStems(columns.get(measures.get(i)))) {
                if (said.contains(w)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = i;
                bestHits = hits;
            }
        }
        return best;
    }

    private static Map<String, Object> point(
            List<String> columns, List<List<Object>> rows, List<Role> roles, List<Integer> measures, int category) {
        Map<String, Object> enc = new LinkedHashMap<>();
        enc.put("x", field(columns.get(measures.get(0)), "quantitative"));
        enc.put("y", field(columns.get(measures.get(1)), "quantitative"));
        if (category >= 0 && rows.size() <= 20) {
            enc.put("color", field(columns.get(category), "nominal"));
        }
        enc.put("tooltip", tooltip(columns, roles));
        return spec("point", columns, rows, enc, false);
    }

    /** The chart's mark type ("line", "bar", "arc", "point"), or null for no chart. */
    @SuppressWarnings("unchecked")
    public static String mark(Map<String, Object> chart) {
        if (chart == null) {
            return null;
        }
        Object mark = chart.get("mark");
        return mark instanceof Map<?, ?> m ? (String) ((Map<String, Object>) m).get("type") : (String) mark;
    }

    static List<Role> roles(List<String> columns, List<List<Object>> rows) {
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).toLowerCase(Locale.ROOT);
            boolean allNumbers = true;
            boolean allDates = true;
            boolean any = false;
            for (List<Object> row : rows) {
                Object v = row.get(i);
                if (v == null) {
                    continue;
                }
                any = true;
                if (!(v instanceof Number)) {
                    allNumbers = false;
                }
                if (!(v instanceof String s && DATE.matcher(s).matches())) {
                    allDates = false;
                }
            }
            if (!any) {
                roles.add(Role.CATEGORY);
            } else if (allDates) {
                roles.add(Role.TIME);
            } else if (allNumbers
                    && TIME_NAME.matcher(name).find()
                    && isIntegerColumn(rows, i)
                    && yearLike(rows, i, name)) {
                roles.add(Role.TIME);
            } else if (allNumbers && !name.endsWith("_id") && !name.equals("id")) {
                roles.add(Role.MEASURE);
            } else {
                roles.add(Role.CATEGORY);
            }
        }
        return roles;
    }

    private static boolean yearLike(List<List<Object>> rows, int i, String name) {
        if (!name.contains("year")) {
            return false;
        }
        for (List<Object> row : rows) {
            Object v = row.get(i);
            if (v instanceof Number n && (n.longValue() < 1900 || n.longValue() > 2200)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIntegerColumn(List<List<Object>> rows, int i) {
        for (List<Object> row : rows) {
            Object v = row.get(i);
            if (v != null
                    && !(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger)) {
                return false;
            }
        }
        return true;
    }

    /** A column holding each row's percentage of the total (values adding up to about 100). */
    private static int shareColumn(List<String> columns, List<List<Object>> rows, List<Integer> measures) {
        for (int i : measures) {
            if (!SHARE_NAME.matcher(columns.get(i).toLowerCase(Locale.ROOT)).find()) {
                continue;
            }
            double sum = 0;
            for (List<Object> row : rows) {
                Object v = row.get(i);
                if (v instanceof Number n) {
                    sum += n.doubleValue();
                }
            }
            if (Math.abs(sum - 100) <= 1.5) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Object> field(String name, String type) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("field", name);
        f.put("type", type);
        f.put("title", name.replace('_', ' '));
        return f;
    }

    private static List<Map<String, Object>> tooltip(List<String> columns, List<Role> roles) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("field", columns.get(i));
            f.put(
                    "type",
                    roles.get(i) == Role.MEASURE ? "quantitative" : roles.get(i) == Role.TIME ? "ordinal" : "nominal");
            out.add(f);
        }
        return out;
    }

    private static Map<String, Object> spec(
            String mark, List<String> columns, List<List<Object>> rows, Map<String, Object> encoding, boolean points) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("$schema", SCHEMA);
        spec.put("data", VegaLite.data(columns, rows));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", mark);
        m.put("tooltip", true);
        if (points) {
            m.put("point", true);
        }
        if (mark.equals("arc")) {
            m.put("innerRadius", 0);
        }
        spec.put("mark", m);
        spec.put("encoding", encoding);
        spec.put("width", "container");
        return spec;
    }
}
