package com.capidemo.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums the system instruction defines over some records only ("Credit hours = sum(enrollments.credit_hours) of
 * enrolments not withdrawn", "Product revenue = sum(order_items.line_total) on non-cancelled orders"). A question that
 * names such a measure and is planned as a plain sum of that column gets the definition's conditions; when they cannot
 * be read, or the question asks about other records of the same column, or for another aggregate of it, it is
 * declined: the plain column would count rows the owner's definition leaves out.
 */
final class DefinedSums {

    /** One definition: its name's stems, the summed column and its conditions (null when they could not be read). */
    record DefinedSum(String name, List<String> stems, String table, String column, List<Plan.Cond> conditions) {}

    private static final Pattern SUM = Pattern.compile(
            "^(?:round\\()?\\s*sum\\(\\s*(?:([a-z_]+)\\.)?([a-z_]+)\\s*\\)\\s*(?:,?\\s*(of|on|over|for|where|across)\\s+(.+?))?$",
            Pattern.CASE_INSENSITIVE);
    /** A parenthesised condition written as SQL ("(cancelled_at IS NULL)"): the words before it say the same. */
    private static final Pattern SQL_PARENTHESIS =
            Pattern.compile("\\([^()]*(?:\\bIS\\b|=|<|>)[^()]*\\)", Pattern.CASE_INSENSITIVE);

    private DefinedSums() {}

    /** Learns "lhs = sum(table.column) of <records with conditions>"; a definition of any other shape is ignored. */
    static void learn(SemanticModel model, Planner planner, String lhs, String rhs) {
        Matcher m = SUM.matcher(rhs.strip().replaceFirst(":.*$", ""));
        if (!m.matches()) {
            return;
        }
        List<Schema.Column> found = new ArrayList<>();
        for (Schema.Table t : model.schema.tables().values()) {
            if (m.group(1) == null || t.name().equals(m.group(1))) {
                t.column(m.group(2)).filter(Schema.Column::numeric).ifPresent(found::add);
            }
        }
        List<String> stems = new ArrayList<>();
        for (Words.Token t : Words.tokenize(lhs.toLowerCase(Locale.ROOT))) {
            if (t.kind() == Words.Kind.WORD && !Words.STOP.contains(t.text())) {
                stems.add(t.stem());
            }
        }
        if (found.size() != 1 || stems.isEmpty()) {
            return;
        }
        Schema.Column column = found.get(0);
        if (m.group(4) == null) {
            // "Written premium = sum(policies.annual_premium)": every record, and the name is the column's
            model.definedSums.add(new DefinedSum(
                    lhs.strip().toLowerCase(Locale.ROOT),
                    List.copyOf(stems),
                    column.table(),
                    column.name(),
                    List.of()));
            name(model, stems, column);
            return;
        }
        String tail = SQL_PARENTHESIS
                .matcher(m.group(4))
                .replaceAll(" ")
                .replaceAll("[()']", " ")
                .strip();
        boolean where = m.group(3).equalsIgnoreCase("where");
        List<Plan.Cond> conditions = null;
        if (!tail.isEmpty()
                && planner.planDefinition("How many " + (where ? column.table() + " where " : "") + tail)
                        instanceof Planner.Planned planned) {
            Plan p = planned.plan();
            boolean plain = "count".equals(p.measure().kind())
                    && p.base().equals(column.table())
                    && !p.filters().isEmpty()
                    && p.dims().isEmpty()
                    && p.timeGroup() == null
                    && p.period() == null
                    && p.limit() == null
                    && p.firstEvent() == null
                    && p.filters().stream().allMatch(c -> c.table().equals(p.base()) && c.segment() == null);
            conditions = plain ? p.filters() : null;
        }
        model.definedSums.add(new DefinedSum(
                lhs.strip().toLowerCase(Locale.ROOT), List.copyOf(stems), column.table(), column.name(), conditions));
        if (conditions != null) {
            name(model, stems, column);
        }
    }

    /**
     * The defined name said in full ("written premium") names the summed column when some word of it names nothing
     * else in the lexicon: a plain sum of that column then gets the definition's conditions ({@link #apply}).
     */
    private static void name(SemanticModel model, List<String> stems, Schema.Column column) {
        boolean said = model.entries.stream().anyMatch(e -> e.words().equals(stems));
        boolean unknownWord = stems.stream()
                .anyMatch(w -> model.entries.stream().noneMatch(e -> e.words().contains(w)));
        if (said || !unknownWord) {
            return;
        }
        model.entries.add(new SemanticModel.Entry(
                SemanticModel.Kind.COLUMN,
                stems,
                SemanticModel.Match.STEM,
                column.table(),
                column.name(),
                null,
                null,
                false,
                false));
    }

    /**
     * A plain aggregate of a column whose defined sum the question names: a sum gets the definition's conditions, any
     * other reading declines.
     */
    static Optional<String> apply(SemanticModel model, PlanDraft draft) {
        Plan.Measure ms = draft.measure;
        if (draft.metric != null
                || ms == null
                || ms.column() == null
                || ms.duration()
                || !Set.of("sum", "avg", "min", "max", "median").contains(ms.kind())) {
            return Optional.empty();
        }
        Set<String> asked = new HashSet<>();
        draft.tokens.forEach(t -> asked.add(t.stem()));
        for (DefinedSum d : model.definedSums) {
            if (!d.table().equals(ms.table()) || !d.column().equals(ms.column()) || !asked.containsAll(d.stems())) {
                continue;
            }
            String refusal =
                    d.name() + " is defined in this demo over some " + d.table().replace('_', ' ') + " only, and ";
            if (d.conditions() == null) {
                return Optional.of(refusal + "I could not apply that definition");
            }
            if (!"sum".equals(ms.kind()) && d.conditions().isEmpty()) {
                return Optional.of(d.name() + " is defined in this demo as a sum of "
                        + d.column().replace('_', ' ') + ", and I could not tell what the " + ms.kind()
                        + " asked for is taken over");
            }
            if (!"sum".equals(ms.kind())) {
                return Optional.of(refusal + "I could not tell whether the " + ms.kind() + " asked for keeps to them");
            }
            for (Plan.Cond c : d.conditions()) {
                if (draft.filters.contains(c)) {
                    continue;
                }
                boolean other = draft.filters.stream()
                        .anyMatch(f -> f.table().equals(c.table()) && f.column().equals(c.column()));
                if (other) {
                    return Optional.of(refusal + "the question asks about other "
                            + d.table().replace('_', ' ') + " by " + c.column().replace('_', ' '));
                }
                draft.filters.add(c);
            }
        }
        return Optional.empty();
    }

    /**
     * "What were our net sales in 2025?": no aggregate said, but the question names, in full, a column the system
     * instruction defines as a sum ("Net sales = sum(checks.net_sales) of …"): it is that sum (its conditions are added
     * by {@link #apply}). Only when exactly one such definition is named and its column is mentioned.
     */
    static Optional<SemanticModel.Mention> namedSum(SemanticModel model, PlanDraft draft) {
        Set<String> asked = new HashSet<>();
        draft.tokens.forEach(t -> asked.add(t.stem()));
        SemanticModel.Mention found = null;
        for (DefinedSum d : model.definedSums) {
            if (!asked.containsAll(d.stems())) {
                continue;
            }
            for (SemanticModel.Mention m : draft.sel) {
                if (m.kind() == SemanticModel.Kind.COLUMN
                        && !m.entry().partial()
                        && !draft.used.contains(m)
                        && d.table().equals(m.table())
                        && d.column().equals(m.column())) {
                    if (found != null && !found.equals(m)) {
                        return Optional.empty();
                    }
                    found = m;
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
