package com.capidemo.chat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What share of mortgages are delinquent?": a percentage that counts exactly what a rate of the system instruction
 * counts ("delinquency rate = delinquent active loans / active loans") is that rate, and the instruction says which
 * records it is taken over (active loans only). So does a rate learned from a golden query that divides by some
 * records only ("/ count(*) FILTER (WHERE claim_status <> 'pending')"). A plan that divides by all the records
 * instead, with no condition of its own on the columns that define the rate's whole, would answer with a share the
 * business does not use: declined, naming the rate, so that it can be asked for by name.
 */
final class DefinedRateScope {

    private static final String FILTER = "round(100.0 * count(*) FILTER (WHERE ";
    private static final String OVER = ") / count(*)";
    private static final Pattern REF = Pattern.compile("\\{([a-z0-9_]+)\\}\\.([a-z0-9_]+)");

    private DefinedRateScope() {}

    static Optional<String> check(SemanticModel model, PlanDraft draft) {
        if (draft.followUp
                || draft.metric != null
                || draft.measure == null
                || !"percent".equals(draft.measure.kind())
                || draft.base == null
                || draft.numerator.isEmpty()) {
            return Optional.empty();
        }
        for (Metric m : model.metrics) {
            String expression = m.expression();
            if (!m.percent() || !draft.base.equals(m.base()) || !expression.startsWith(FILTER)) {
                continue;
            }
            int over = expression.indexOf(OVER);
            if (over < 0) {
                continue;
            }
            String counted = expression.substring(FILTER.length(), over);
            // the whole: the definition's own conditions, or a FILTER on the denominator ("/ count(*) FILTER (WHERE
            // claim_status <> 'pending')")
            Set<String> whole = new HashSet<>(m.filters().isEmpty() ? Set.of() : m.filterColumns());
            String rest = expression.substring(over + OVER.length());
            if (rest.startsWith(" FILTER (WHERE ")) {
                Matcher ref = REF.matcher(rest);
                while (ref.find()) {
                    whole.add(ref.group(1) + "." + ref.group(2));
                }
            }
            if (whole.isEmpty()) {
                continue;
            }
            boolean same = draft.numerator.stream()
                    .allMatch(c -> !c.values().isEmpty()
                            && counted.contains("{" + c.table() + "}." + c.column())
                            && c.values().stream().allMatch(v -> counted.contains("'" + v + "'")));
            if (!same) {
                continue;
            }
            boolean scoped = draft.filters.stream().anyMatch(f -> whole.contains(f.table() + "." + f.column()));
            if (!scoped) {
                return Optional.of("the " + m.label() + " is defined over some " + draft.base.replace('_', ' ')
                        + " only, and I would divide by all of them; ask for the " + m.label() + " by name");
            }
        }
        return Optional.empty();
    }
}
