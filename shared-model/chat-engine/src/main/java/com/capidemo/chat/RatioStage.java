package com.capidemo.chat;

import java.util.List;
import java.util.Optional;

/**
 * Splits the conditions of a percent measure ("what percentage of mobile checkouts were recovered", "the delinquency
 * rate of active loans") into the whole (conditions on the subject, before it) and the part counted (conditions said
 * after the subject, or before a "rate" word).
 */
final class RatioStage implements PlanStage {

    @Override
    public Optional<String> apply(PlanDraft draft) {
        if (draft.ratioSubject == null) {
            return Optional.empty();
        }
        boolean rateWord = draft.tokens.get(draft.ratioCue).is("rate", "rates");
        for (Plan.Cond c : List.copyOf(draft.filters)) {
            int at = draft.condAt.getOrDefault(c, -1);
            if (at > draft.ratioSubject.last() || rateWord && at >= 0 && at < draft.ratioCue) {
                draft.filters.remove(c);
                draft.numerator.add(c);
            }
        }
        // "the abandoned checkouts that got a recovery email were recovered": a relative clause right after the subject
        // narrows the whole; the rest is what is counted
        int after = draft.ratioSubject.last() + 1;
        if (draft.numerator.size() >= 2
                && after < draft.tokens.size()
                && draft.tokens.get(after).is("that", "who", "which", "with", "where")) {
            Plan.Cond first = null;
            for (Plan.Cond c : draft.numerator) {
                int at = draft.condAt.getOrDefault(c, -1);
                if (at > after && (first == null || at < draft.condAt.getOrDefault(first, -1))) {
                    first = c;
                }
            }
            if (first != null) {
                Plan.Cond whole = first;
                draft.numerator.removeIf(c -> c.equals(whole));
                draft.filters.add(whole);
            }
        }
        if (draft.numerator.isEmpty()) {
            return Optional.of("I could not tell which of the "
                    + draft.ratioSubject.table().replace('_', ' ') + " to count for that percentage");
        }
        return Optional.empty();
    }
}
