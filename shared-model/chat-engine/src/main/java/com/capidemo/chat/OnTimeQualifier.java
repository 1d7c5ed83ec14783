package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "How many on-time deliveries did we have?": "on time" says the records met a date or delay test (delivered by the
 * promised date, departed within a tolerance). A plan with no learned measure and no condition on a column or value
 * about time, lateness or delay (late, on_time, paid_on_time, delay_minutes) dropped that test and counts every record.
 * Declined.
 */
final class OnTimeQualifier {

    private OnTimeQualifier() {}

    static Optional<String> check(PlanDraft draft) {
        if (draft.followUp || draft.metric != null || draft.measure == null) {
            return Optional.empty();
        }
        int at = -1;
        for (int i = 0; i + 1 < draft.tokens.size(); i++) {
            if (draft.tokens.get(i).is("on") && draft.tokens.get(i + 1).is("time")) {
                at = i;
            }
            if (draft.tokens.get(i).is("on")
                    && i + 2 < draft.tokens.size()
                    && draft.tokens.get(i + 1).kind() != Words.Kind.WORD
                    && draft.tokens.get(i + 2).is("time")) {
                at = i;
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        List<Plan.Cond> conds = new ArrayList<>(draft.filters);
        conds.addAll(draft.numerator);
        for (Plan.Cond c : conds) {
            List<String> words = new ArrayList<>(c.column() == null ? List.of() : Words.nameStems(c.column()));
            for (String v : c.values()) {
                words.addAll(Words.nameStems(v));
            }
            for (String w : words) {
                if (w.equals(Words.stem("time")) || w.equals(Words.stem("late")) || w.equals(Words.stem("delay"))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(
                "it asks about records on time, and I found no condition on time, lateness or delay to apply");
    }
}
