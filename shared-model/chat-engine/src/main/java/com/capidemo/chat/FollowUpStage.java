package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Refines the previous turn's plan when the question is a follow-up ("and by month?", "only for 2024"). */
final class FollowUpStage implements PlanStage {

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        draft.limit = ctx.top() == null ? null : ctx.top().n();
        draft.ascending = ctx.top() != null
                ? ctx.top().ascending()
                : ctx.has(Cues.SUPERLATIVE_ASC) && !ctx.has(Cues.SUPERLATIVE_DESC);
        if (draft.followUp
                && draft.measure.equals(ctx.previous().measure())
                && Objects.equals(draft.base, ctx.previous().base())) {
            Plan prev = ctx.previous();
            if (draft.dims.isEmpty() && draft.grain == null) {
                draft.dims.addAll(prev.dims());
            } else if (draft.dims.isEmpty()) {
                draft.dims.addAll(prev.dims());
            }
            List<Plan.Cond> merged = new ArrayList<>(prev.filters());
            List<Plan.Dim> newDims = draft.dims;
            // "by channel instead" after "web orders": the breakdown replaces the one-value filter on that column
            merged.removeIf(p -> newDims.stream()
                    .anyMatch(d -> !d.entity()
                            && d.table().equals(p.table())
                            && d.column().equals(p.column())));
            for (Plan.Cond f : draft.filters) {
                merged.removeIf(p -> p.table().equals(f.table()) && p.column().equals(f.column()));
                merged.add(f);
            }
            draft.filters = merged;
            if (ctx.time().ranges().isEmpty()) {
                draft.period = prev.period();
            }
            if (draft.grain == null && prev.timeGroup() != null && (draft.dims.equals(prev.dims()) || ctx.has("and"))) {
                draft.timeGroup = prev.timeGroup();
            }
            if (draft.limit == null
                    && !ctx.has(Cues.SUPERLATIVE_DESC)
                    && !ctx.has(Cues.SUPERLATIVE_ASC)
                    && draft.dims.equals(prev.dims())) {
                draft.limit = prev.limit();
                draft.ascending = prev.ascending();
            }
        }
        return Optional.empty();
    }
}
