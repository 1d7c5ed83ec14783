package com.capidemo.chat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes the text of an answer: what was computed (so the reader can check the interpretation) and the result. */
final class AnswerWriter {

    private AnswerWriter() {}

    static String planned(
            SemanticModel model, Plan plan, List<String> columns, List<List<Object>> rows, boolean truncated) {
        return result(model, plan, columns, rows, truncated) + joins(model, plan);
    }

    /**
     * Several measures over the same groups: the first measure with its groups, filters and period, then the others,
     * one column each in the order asked.
     */
    static String several(
            SemanticModel model, List<Plan> plans, List<String> columns, List<List<Object>> rows, boolean truncated) {
        Plan first = plans.get(0);
        List<String> others = new ArrayList<>();
        for (Plan p : plans.subList(1, plans.size())) {
            others.add(describe(
                    model,
                    new Plan(p.base(), p.measure(), null, null, null, null, null, false, false, p.numerator(), null)));
        }
        String what = describe(model, first) + ", with " + String.join(" and ", others);
        if (rows.isEmpty()) {
            return "No records match " + what + "." + joins(model, first);
        }
        int firstValue = columns.size() - plans.size();
        StringBuilder b = new StringBuilder(capitalize(what)).append(": ");
        if (rows.size() == 1 && firstValue == 0) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                values.add(format(rows.get(0).get(i))
                        + (Set.of("percent", "amount_share")
                                        .contains(plans.get(i).measure().kind())
                                ? "%"
                                : ""));
            }
            return b.append(String.join("; ", values))
                    .append('.')
                    .append(joins(model, first))
                    .toString();
        }
        b.append(rows.size())
                .append(rows.size() == 1 ? " row" : " rows")
                .append(truncated ? " (showing the first " + rows.size() + ")" : "")
                .append(", one column per measure.");
        return b.append(joins(model, first)).toString();
    }

    /** Two periods side by side: each value, the change and the change in percent of the earlier value. */
    static String compared(SemanticModel model, Plan earlier, Plan later, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return "No records match " + describe(model, earlier) + ".";
        }
        List<Object> r = rows.get(0);
        String unit =
                Set.of("percent", "amount_share").contains(earlier.measure().kind()) ? "%" : "";
        String pct = r.get(3) == null
                ? ""
                : " (" + (r.get(3) instanceof Number n && n.doubleValue() > 0 ? "+" : "") + format(r.get(3)) + "%)";
        return capitalize(describe(model, earlier)) + ": " + format(r.get(0)) + unit + "; " + describe(model, later)
                + ": "
                + format(r.get(1)) + unit + ". Change: "
                + (r.get(2) instanceof Number n && n.doubleValue() > 0 ? "+" : "")
                + format(r.get(2)) + unit + pct + "." + joins(model, earlier);
    }

    /** " Tables joined: order_items → products → collections." for each foreign-key path the plan follows. */
    static String joins(SemanticModel model, Plan plan) {
        Set<String> tables = new LinkedHashSet<>(plan.tables());
        model.metrics.stream()
                .filter(x -> x.name().equals(plan.measure().metric()))
                .findFirst()
                .ifPresent(x -> tables.addAll(x.tables()));
        Set<String> paths = new LinkedHashSet<>();
        for (String t : tables) {
            if (t == null || t.equals(plan.base())) {
                continue;
            }
            model.schema.pathUp(plan.base(), t).filter(p -> !p.isEmpty()).ifPresent(p -> {
                StringBuilder s = new StringBuilder(plan.base());
                p.forEach(l -> s.append(" → ").append(l.parent()));
                paths.add(s.toString());
            });
        }
        paths.removeIf(p -> paths.stream().anyMatch(q -> !q.equals(p) && q.startsWith(p + " → ")));
        return paths.isEmpty() ? "" : " Tables joined: " + String.join("; ", paths) + ".";
    }

    private static String result(
            SemanticModel model, Plan plan, List<String> columns, List<List<Object>> rows, boolean truncated) {
        String what = describe(model, plan);
        if (rows.isEmpty()) {
            return "No records match " + what + ".";
        }
        int measure =
                columns.size() - 1 - (plan.share() && (!plan.dims().isEmpty() || plan.timeGroup() != null) ? 1 : 0);
        if (rows.size() == 1 && plan.dims().isEmpty() && plan.timeGroup() == null) {
            return capitalize(what) + ": " + format(rows.get(0).get(measure))
                    + (Set.of("percent", "amount_share").contains(plan.measure().kind()) ? "%" : "") + ".";
        }
        StringBuilder b = new StringBuilder(capitalize(what))
                .append(": ")
                .append(rows.size())
                .append(rows.size() == 1 ? " row" : " rows")
                .append(truncated ? " (showing the first " + rows.size() + ")" : "")
                .append('.');
        if (plan.timeGroup() != null && plan.dims().isEmpty() && rows.size() >= 2) {
            List<Object> first = rows.get(0);
            List<Object> last = rows.get(rows.size() - 1);
            b.append(" From ")
                    .append(format(first.get(0)))
                    .append(" (")
                    .append(format(first.get(measure)))
                    .append(") to ")
                    .append(format(last.get(0)))
                    .append(" (")
                    .append(format(last.get(measure)))
                    .append(").");
        } else if (!plan.dims().isEmpty() && plan.timeGroup() == null) {
            List<Object> top = rows.get(0);
            b.append(plan.ascending() ? " Lowest: " : " Highest: ")
                    .append(format(top.get(0)))
                    .append(" (")
                    .append(format(top.get(measure)))
                    .append(")");
            if (plan.share()) {
                b.append(", ").append(format(top.get(measure + 1))).append("% of the total");
            }
            b.append('.');
        }
        return b.toString();
    }

    static String golden(List<String> columns, List<List<Object>> rows, boolean truncated) {
        StringBuilder b =
                new StringBuilder("This is one of the demo's golden questions, answered with its curated SQL. ");
        if (rows.isEmpty()) {
            b.append("It returns no rows.");
        } else if (rows.size() == 1) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                parts.add(columns.get(i).replace('_', ' ') + ": "
                        + format(rows.get(0).get(i)));
            }
            b.append(capitalize(String.join(", ", parts))).append('.');
        } else {
            b.append("It returns ")
                    .append(rows.size())
                    .append(" rows")
                    .append(truncated ? " (showing the first " + rows.size() + ")" : "")
                    .append("; the first is ");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < columns.size() && i < 4; i++) {
                parts.add(columns.get(i).replace('_', ' ') + " "
                        + format(rows.get(0).get(i)));
            }
            b.append(String.join(", ", parts)).append('.');
        }
        return b.toString();
    }

    static String declined(String reason, List<String> suggestions) {
        StringBuilder b = new StringBuilder("I can't answer that with confidence from this demo's data: ")
                .append(reason)
                .append(". I only answer from the data and never guess numbers.");
        if (!suggestions.isEmpty()) {
            b.append(" Here are questions I can answer:");
            for (String s : suggestions) {
                b.append("\n- ").append(s);
            }
        }
        return b.toString();
    }

    /** "gross revenue by month for 2024, where source_name is 'web'" — the plan in words. */
    static String describe(SemanticModel model, Plan plan) {
        StringBuilder b = new StringBuilder();
        Plan.Measure m = plan.measure();
        if (m.duration()) {
            b.append(m.kind().equals("median") ? "the median time in " : "the average time in ")
                    .append(m.unit())
                    .append("s from ")
                    .append(m.startColumn())
                    .append(" (")
                    .append(m.startTable().replace('_', ' '))
                    .append(") to ")
                    .append(m.column())
                    .append(" (")
                    .append(m.table().replace('_', ' '))
                    .append(')');
        } else if (m.kind().equals("amount_share")) {
            b.append("the percentage of the total ")
                    .append(m.metric() != null ? m.metric().replace('_', ' ') : m.column())
                    .append(" (")
                    .append(plan.base().replace('_', ' '))
                    .append(") where ")
                    .append(String.join(
                            " and ",
                            plan.numerator().stream()
                                    .map(AnswerWriter::condition)
                                    .toList()));
        } else if (m.kind().equals("percent")) {
            b.append("the percentage of ")
                    .append(plan.base().replace('_', ' '))
                    .append(" where ")
                    .append(String.join(
                            " and ",
                            plan.numerator().stream()
                                    .map(AnswerWriter::condition)
                                    .toList()));
        } else if (plan.firstEvent() != null) {
            Plan.FirstEvent f = plan.firstEvent();
            b.append("the number of ")
                    .append(plan.base().replace('_', ' '))
                    .append(" counted by their first ")
                    .append(Words.singular(f.child()).replace('_', ' '))
                    .append(" (earliest ")
                    .append(f.dateColumn())
                    .append(')');
        } else
            switch (m.kind()) {
                case "count" -> b.append("the number of ").append(plan.base().replace('_', ' '));
                case "per_entity" ->
                    b.append("the average number of ")
                            .append(plan.base().replace('_', ' '))
                            .append(" per ")
                            .append(Words.singular(m.unit()).replace('_', ' '))
                            .append(" (over all ")
                            .append(m.unit().replace('_', ' '))
                            .append(')');
                case "per_active_entity" ->
                    b.append("the average number of ")
                            .append(plan.base().replace('_', ' '))
                            .append(" per ")
                            .append(Words.singular(m.unit()).replace('_', ' '))
                            .append(" (over the ")
                            .append(m.unit().replace('_', ' '))
                            .append(" that have any)");
                case "count_distinct" ->
                    b.append("the number of distinct ").append(m.column().replace('_', ' '));
                case "sum" ->
                    b.append("the total ")
                            .append(m.column().replace('_', ' '))
                            .append("hour".equals(m.unit()) ? " in hours" : "")
                            .append(" of ")
                            .append(m.table().replace('_', ' '));
                case "avg" ->
                    b.append("the average ")
                            .append(m.column().replace('_', ' '))
                            .append(" of ")
                            .append(m.table().replace('_', ' '));
                case "median" ->
                    b.append("the median ")
                            .append(m.column().replace('_', ' '))
                            .append(" of ")
                            .append(m.table().replace('_', ' '));
                case "min" ->
                    b.append("the lowest ")
                            .append(m.column().replace('_', ' '))
                            .append(" of ")
                            .append(m.table().replace('_', ' '));
                case "max" ->
                    b.append("the highest ")
                            .append(m.column().replace('_', ' '))
                            .append(" of ")
                            .append(m.table().replace('_', ' '));
                default -> {
                    Metric metric = model.metrics.stream()
                            .filter(x -> x.name().equals(m.metric()))
                            .findFirst()
                            .orElse(null);
                    b.append(m.metric().replace('_', ' '));
                    if (metric != null && !metric.filters().isEmpty()) {
                        b.append(
                                        metric.source() == null
                                                ? " (as the system instruction defines it: "
                                                : " (as the golden queries define it: ")
                                .append(String.join(
                                        " and ",
                                        metric.filters().stream()
                                                .map(f -> f.replaceAll("\\{[a-z0-9_]+}\\.", "")
                                                        .replace("\"", ""))
                                                .toList()))
                                .append(')');
                    }
                }
            }
        List<String> groups = new ArrayList<>();
        if (plan.timeGroup() != null) {
            groups.add(plan.timeGroup().grain() + " (of " + plan.timeGroup().column() + ")");
        }
        for (Plan.Dim d : plan.dims()) {
            groups.add(
                    d.entity()
                            ? Words.singular(d.table()).replace('_', ' ')
                            : d.column().replace('_', ' '));
        }
        if (!groups.isEmpty()) {
            b.append(" by ").append(String.join(" and ", groups));
        }
        if (plan.period() != null) {
            Plan.Period p = plan.period();
            String label = p.label();
            b.append(
                            label.startsWith("since")
                                            || label.startsWith("before")
                                            || label.startsWith("after")
                                            || label.startsWith("through")
                                    ? " "
                                    : " in ")
                    .append(label)
                    .append(" (by ")
                    .append(p.column())
                    .append(')');
        }
        List<String> conds = new ArrayList<>();
        for (Plan.Cond c : plan.filters()) {
            conds.add(condition(c));
        }
        if (!conds.isEmpty()) {
            b.append(", where ").append(String.join(" and ", conds));
        }
        if (plan.limit() != null) {
            b.append(
                    plan.limit() == 1
                            ? (plan.ascending() ? ", lowest first" : ", highest first") + " (top 1)"
                            : ", " + (plan.ascending() ? "bottom " : "top ") + plan.limit());
        }
        if (plan.share()) {
            b.append(", with each row's share of the total");
        }
        return b.toString();
    }

    private static String condition(Plan.Cond c) {
        if (c.segment() != null) {
            Plan.Segment s = c.segment();
            String child = s.child().replace('_', ' ');
            String own = s.childFilters().isEmpty()
                    ? ""
                    : " ("
                            + String.join(
                                    " and ",
                                    s.childFilters().stream()
                                            .map(AnswerWriter::condition)
                                            .toList()) + ")";
            return c.table().replace('_', ' ')
                    + switch (s.op()) {
                        case "exists" -> " have " + child + own;
                        case "absent" -> " have no " + child + own;
                        default ->
                            " have " + SqlWriter.operatorWords(s.op()) + " " + SqlWriter.number(s.count()) + " " + child
                                    + own;
                    };
        }
        String col = c.column().replace('_', ' ');
        return switch (c.op()) {
            case "in" ->
                col
                        + (c.values().size() == 1
                                ? " is '" + c.values().get(0) + "'"
                                : " is one of "
                                        + String.join(
                                                ", ",
                                                c.values().stream()
                                                        .map(v -> "'" + v + "'")
                                                        .toList()));
            case "not_in" ->
                col
                        + (c.values().size() == 1
                                ? " is not '" + c.values().get(0) + "'"
                                : " is none of "
                                        + String.join(
                                                ", ",
                                                c.values().stream()
                                                        .map(v -> "'" + v + "'")
                                                        .toList()));
            case "is_null" -> col + " is empty";
            case "not_null" -> col + " is set";
            case "is_true" -> col + " is true";
            case "is_false" -> col + " is false";
            case "gt" -> col + " > " + SqlWriter.number(c.number());
            case "ge" -> col + " ≥ " + SqlWriter.number(c.number());
            case "lt" -> col + " < " + SqlWriter.number(c.number());
            case "le" -> col + " ≤ " + SqlWriter.number(c.number());
            default -> col;
        };
    }

    static String format(Object v) {
        if (v == null) {
            return "none";
        }
        if ((v instanceof Integer || v instanceof Long)
                && ((Number) v).longValue() >= 1900
                && ((Number) v).longValue() <= 2100) {
            return v.toString();
        }
        if (v instanceof Number n) {
            DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.US));
            if (n instanceof BigDecimal bd) {
                return f.format(bd);
            }
            return f.format(n.doubleValue());
        }
        return String.valueOf(v);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
