package com.capidemo.chat;

import java.util.List;
import java.util.Optional;

/**
 * "How does current MRR split between monthly and annual billing?": a measure split between (across, among) values of
 * one column is grouped by that column, one row per value listed, instead of one total over all of them.
 */
final class SplitStage implements PlanStage {

    @Override
    public Optional<String> apply(PlanDraft draft) {
        boolean split = false;
        for (Words.Token t : draft.tokens) {
            if (t.is("split", "splits") && draft.ctx.text(t.index() + 1).matches("between|across|among")) {
                split = true;
            }
        }
        if (!split || !draft.dims.isEmpty() || draft.timeGroup != null) {
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
        draft.dims.add(new Plan.Dim(lists.get(0).table(), lists.get(0).column(), false));
        return Optional.empty();
    }
}
