package com.capidemo.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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
        Set<String> flags = excluded(model, draft.base);
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
            flags.removeIf(f -> draft.metric.filters().stream()
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
                    + String.join(", ", flags).replace('_', ' ')
                    + "), and the question does not say whether it does");
        }
        return Optional.empty();
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
    private static Set<String> excluded(SemanticModel model, String table) {
        Set<String> out = new LinkedHashSet<>();
        for (DefinedSums.DefinedSum d : model.definedSums) {
            if (d.conditions() == null) {
                continue;
            }
            for (Plan.Cond c : d.conditions()) {
                if (c.table().equals(table) && "is_false".equals(c.op())) {
                    out.add(c.column());
                }
            }
        }
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
                            .ifPresent(c -> out.add(c.name()));
                }
            }
        }
        return out;
    }
}
