package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How many credit hours were taken", "courses taken online": a verb that names nothing in the data, said of records
 * whose table has a flag the demo's own definitions leave out (a learned measure or a defined sum keeps only the rows
 * where withdrawn is false), may mean only the records not so flagged, or all of them. Unless the plan binds that flag
 * (a condition of the question or of the definition it uses), the question is declined.
 */
final class ExcludedFlags {

    /** Verbs that only carry grammar ("were", "had", "got") or say how to analyse ("compared", "broken down"). */
    private static final Set<String> AUXILIARY = Words.set(
            "be", "have", "do", "get", "let", "go", "compare", "break", "group", "count", "rank", "sort", "split",
            "include", "exclude", "base", "locate", "sum", "total", "average", "combine", "order", "list", "show");

    private ExcludedFlags() {}

    static Optional<String> check(SemanticModel model, PlanDraft draft) {
        if (draft.base == null || draft.measure == null) {
            return Optional.empty();
        }
        java.util.Map<String, String> flags = excluded(model, draft.base);
        if (flags.isEmpty()) {
            return Optional.empty();
        }
        List<Plan.Cond> all = new ArrayList<>(draft.filters);
        all.addAll(draft.numerator);
        all.stream()
                .filter(c -> c.table().equals(draft.base))
                .map(Plan.Cond::column)
                .toList()
                .forEach(flags::remove);
        if (draft.metric != null) {
            flags.keySet()
                    .removeIf(f -> draft.metric.filters().stream()
                            .anyMatch(x -> Pattern.compile("\\." + Pattern.quote(f) + "\\b")
                                    .matcher(x)
                                    .find()));
        }
        if (flags.isEmpty()) {
            return Optional.empty();
        }
        for (Words.Token t : draft.tokens) {
            if (t.kind() != Words.Kind.WORD || draft.at.containsKey(t.index())) {
                continue;
            }
            String base = Lexicon.verbBase(t.text());
            if (base == null
                    || AUXILIARY.contains(base)
                    || base.equals(t.text()) && !afterDo(draft.tokens, t.index())) {
                continue; // a base form is a verb only after "did" ("did students take"), else maybe a noun ("total")
            }
            return Optional.of("\"" + t.text() + "\" may leave out the " + draft.base.replace('_', ' ')
                    + " this demo's definitions exclude ("
                    + String.join(", ", flags.values()).replace('_', ' ')
                    + "), and the question does not say whether it does");
        }
        return Optional.empty();
    }

    /** "… of flights not cancelled", "… of orders that are not refunded": records a definition leaves out by state. */
    private static final Pattern NOT_STATE = Pattern.compile(
            "(?i)\\bof\\s+([a-z_]+)\\s+(?:that\\s+(?:are|were)\\s+|which\\s+(?:are|were)\\s+)?not\\s+([a-z_]+)\\b");

    /**
     * Learns the state a definition leaves out when it is one value of a text column or a boolean flag of the records
     * it names ("On-time departure = … of flights not cancelled": flights.status 'cancelled').
     */
    static void learn(SemanticModel model, Planner planner, String definition) {
        Matcher m = NOT_STATE.matcher(definition);
        while (m.find()) {
            if (!(planner.planDefinition("How many " + m.group(1) + " not " + m.group(2))
                    instanceof Planner.Planned planned)) {
                continue;
            }
            Plan p = planned.plan();
            if (!"count".equals(p.measure().kind())
                    || p.filters().size() != 1
                    || !p.dims().isEmpty()
                    || p.period() != null) {
                continue;
            }
            Plan.Cond c = p.filters().get(0);
            Schema.Column column = model.schema.column(c.table(), c.column());
            boolean state = c.table().equals(p.base())
                    && c.segment() == null
                    && ("is_false".equals(c.op()) && column.type() == Schema.Type.BOOLEAN
                            || "not_in".equals(c.op()) && column.type() == Schema.Type.TEXT);
            if (state && !model.excludedStates.contains(c)) {
                model.excludedStates.add(c);
            }
        }
    }

    /**
     * A verb the lexicon replaced by a word naming the records ("flights flown" read as flights) said of records whose
     * states the definitions leave out, that the plan does not bind: the reason to decline, else null.
     */
    static String replacedVerb(SemanticModel model, List<Words.Token> typed, List<Words.Token> replaced, Plan plan) {
        if (plan.base() == null) {
            return null;
        }
        java.util.Map<String, String> flags = excluded(model, plan.base());
        List<Plan.Cond> all = new ArrayList<>(plan.filters());
        all.addAll(plan.numerator());
        all.stream()
                .filter(c -> c.table().equals(plan.base()))
                .map(Plan.Cond::column)
                .toList()
                .forEach(flags::remove);
        if (flags.isEmpty()) {
            return null;
        }
        Set<String> kept = new java.util.HashSet<>();
        replaced.forEach(t -> kept.add(t.text()));
        for (Words.Token t : typed) {
            String base = t.kind() == Words.Kind.WORD ? Lexicon.verbBase(t.text()) : null;
            if (base != null && !base.equals(t.text()) && !AUXILIARY.contains(base) && !kept.contains(t.text())) {
                return "\"" + t.text() + "\" may leave out the " + plan.base().replace('_', ' ')
                        + " this demo's definitions exclude ("
                        + String.join(", ", flags.values()).replace('_', ' ')
                        + "), and the question does not say whether it does";
            }
        }
        return null;
    }

    /** Whether "do", "does" or "did" comes at most three words before. */
    private static boolean afterDo(List<Words.Token> tokens, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            if (tokens.get(k).is("do", "does", "did")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The boolean columns of a table whose rows a learned measure or a defined sum over that table leaves out (NOT
     * flag, flag = false).
     */
    private static java.util.Map<String, String> excluded(SemanticModel model, String table) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (DefinedSums.DefinedSum d : model.definedSums) {
            if (d.conditions() == null) {
                continue;
            }
            for (Plan.Cond c : d.conditions()) {
                if (c.table().equals(table) && "is_false".equals(c.op())) {
                    out.put(c.column(), c.column());
                }
            }
        }
        model.excludedStates.stream()
                .filter(c -> c.table().equals(table))
                .forEach(c -> out.put(
                        c.column(),
                        c.values() == null || c.values().isEmpty() ? c.column() : String.join(", ", c.values())));
        String ref = Pattern.quote("{" + table + "}") + "\\.([a-z_][a-z0-9_]*)";
        Pattern negated = Pattern.compile("(?i)\\bnot\\s+" + ref + "\\b(?!\\s*(?:=|<|>|is|in|like|between))|" + ref
                + "\\s*(?:=\\s*false|is\\s+false|is\\s+not\\s+true)");
        for (Metric m : model.metrics) {
            if (!m.base().equals(table)) {
                continue;
            }
            for (String f : m.filters()) {
                Matcher x = negated.matcher(f);
                while (x.find()) {
                    String column = x.group(1) != null ? x.group(1) : x.group(2);
                    model.schema
                            .table(table)
                            .flatMap(t -> t.column(column))
                            .filter(c -> c.type() == Schema.Type.BOOLEAN)
                            .ifPresent(c -> out.put(c.name(), c.name()));
                }
            }
        }
        return out;
    }
}
