package com.capidemo.chat;

import java.util.List;
import java.util.Optional;

/**
 * "How does current MRR split between monthly and annual billing?": a measure split between (across, among) values of
 * one column is grouped by that column, one row per value listed, instead of one total over all of them.
 */
final class SplitStage implements PlanStage {

    /** "split between", "split across", "split among": the values listed next ask for one figure each. */
    static boolean asksForSplit(PlanDraft draft) {
        for (Words.Token t : draft.tokens) {
            if (t.is("split", "splits") && draft.ctx.text(t.index() + 1).matches("between|across|among")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        if (!asksForSplit(draft)) {
            return Optional.empty();
        }
        List<Plan.Cond> lists = draft.filters.stream()
                .filter(c -> c.op().equals("in") && c.values().size() >= 2)
                .toList();
        if (lists.isEmpty()) {
            return Optional.empty();
        }
        if (lists.size() > 1) {
            return Optional.of("it asks for a split, and I could not tell between which groups");
        }
        Plan.Cond list = lists.get(0);
        boolean grouped = draft.dims.stream()
                .anyMatch(d -> d.table().equals(list.table()) && d.column().equals(list.column()));
        if (grouped) {
            return Optional.empty();
        }
        if (!draft.dims.isEmpty() || draft.timeGroup != null) {
            return Optional.of("it asks for a split between values of "
                    + list.column().replace('_', ' ') + " and another breakdown at once; please ask for one at a time");
        }
        draft.dims.add(new Plan.Dim(lists.get(0).table(), lists.get(0).column(), false));
        return Optional.empty();
    }
}
