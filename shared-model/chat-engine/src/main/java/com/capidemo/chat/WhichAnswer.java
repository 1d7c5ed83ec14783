package com.capidemo.chat;

import java.util.List;
import java.util.Optional;

/**
 * "Which facility sees the most patient visits": a "which X" answer carries X. When X is a table's own name and no plan
 * of the answer groups by that table (or by a key pointing to it), nor lists that table's records, the answer names
 * something else (each visit) and is declined, whatever reading produced it.
 */
final class WhichAnswer {

    private WhichAnswer() {}

    static Optional<String> missing(Schema schema, String question, Planner.Planned planned) {
        List<Words.Token> tokens = Words.tokenize(question);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is("which")) {
                continue;
            }
            String stem = tokens.get(i + 1).stem();
            String table = schema.tables().keySet().stream()
                    .filter(t -> {
                        List<String> parts = Words.nameStems(t);
                        return parts.size() == 1 && parts.get(0).equals(stem);
                    })
                    .findFirst()
                    .orElse(null);
            if (table == null) {
                return Optional.empty();
            }
            for (Plan plan : planned.measures()) {
                if (carries(schema, plan, table)) {
                    return Optional.empty();
                }
            }
            return Optional.of(
                    "it asks which " + tokens.get(i + 1).text() + ", and my reading of it does not name one");
        }
        return Optional.empty();
    }

    private static boolean carries(Schema schema, Plan plan, String table) {
        if (plan.dims().isEmpty()) {
            return table.equals(plan.base());
        }
        for (Plan.Dim d : plan.dims()) {
            if (d.table().equals(table)
                    || d.column() != null
                            && schema.table(d.table())
                                    .map(t -> t.links().stream()
                                            .anyMatch(l -> l.column().equals(d.column())
                                                    && l.parent().equals(table)))
                                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
