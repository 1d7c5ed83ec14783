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
        narrowWhole(draft, rateWord);
        if (draft.numerator.isEmpty()) {
            return Optional.of("I could not tell which of the "
                    + draft.ratioSubject.table().replace('_', ' ') + " to count for that percentage");
        }
        return Optional.empty();
    }

    private static final java.util.Set<String> PREPOSITIONS = Words.set(
            "on", "in", "from", "at", "for", "of", "under", "over", "with", "without", "to", "via", "through", "during",
            "among", "across", "within");
    private static final java.util.Set<String> VERBS = Words.set(
            "was", "were", "is", "are", "got", "get", "gets", "did", "do", "does", "have", "has", "had", "been", "be",
            "ended", "end", "ends");

    /**
     * "A among B": a condition that restricts the subject's population belongs to the whole (the denominator), only
     * the rate's own condition to the part counted. "share of flights on regional routes were cancelled": a phrase
     * that starts with a preposition right after the subject and ends before the verb narrows the whole. "admit rate
     * for applicants from the West": when the rate word's own name holds a condition, the conditions said after the
     * subject narrow the whole. Nothing moves when no counted condition would remain.
     */
    private static void narrowWhole(PlanDraft draft, boolean rateWord) {
        int after = draft.ratioSubject.last() + 1;
        if (after >= draft.tokens.size()) {
            return;
        }
        int end;
        if (rateWord && draft.numerator.stream().anyMatch(c -> draft.condAt.getOrDefault(c, -1) < draft.ratioCue)) {
            end = draft.tokens.size();
        } else if (PREPOSITIONS.contains(draft.tokens.get(after).text())) {
            end = -1;
            for (int i = after + 1; i < draft.tokens.size(); i++) {
                if (VERBS.contains(draft.tokens.get(i).text())) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                return;
            }
        } else {
            return;
        }
        int to = end;
        List<Plan.Cond> whole = draft.numerator.stream()
                .filter(c -> {
                    int at = draft.condAt.getOrDefault(c, -1);
                    return at > draft.ratioSubject.last() && at < to;
                })
                .toList();
        if (whole.isEmpty() || whole.size() == draft.numerator.size()) {
            return;
        }
        draft.numerator.removeAll(whole);
        draft.filters.addAll(whole);
    }
}
