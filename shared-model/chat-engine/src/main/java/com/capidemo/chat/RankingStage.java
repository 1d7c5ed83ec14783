package com.capidemo.chat;

import java.util.Optional;

/** Decides ranking (limit, direction) and whether each row's share of the total is shown. */
final class RankingStage implements PlanStage {

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        boolean ranking = ctx.top() != null || ctx.has(Cues.SUPERLATIVE_DESC) || ctx.has(Cues.SUPERLATIVE_ASC);
        if (ranking && draft.dims.isEmpty() && draft.timeGroup == null && ctx.top() != null) {
            return Optional.of("a ranking needs something to rank (for example products or cities)");
        }
        if (draft.limit == null && draft.singularHead && ranking && !draft.dims.isEmpty()) {
            draft.limit = 1;
        }
        if (ranking && draft.dims.isEmpty() && draft.timeGroup != null && draft.limit == null && !draft.followUp) {
            draft.limit = 1; // "the lowest monthly revenue of 2024": the month it happened
        }
        if ("percent".equals(draft.measure.kind())) {
            return Optional.empty(); // a percentage of each group's own rows, not a share of the total
        }
        draft.share = ctx.has(Cues.SHARE_CUES)
                && (!draft.dims.isEmpty() || draft.timeGroup != null)
                && !(draft.metric != null && draft.metric.percent());
        if ((ctx.has("share") || ctx.has("percentage") || ctx.has("percent") || ctx.has("proportion"))
                && draft.dims.isEmpty()
                && draft.timeGroup == null
                && !(draft.metric != null && draft.metric.percent())) {
            return Optional.of("a share needs a breakdown (share of what, by what?)");
        }
        if (draft.followUp
                && !draft.share
                && ctx.previous().share()
                && draft.dims.equals(ctx.previous().dims())) {
            draft.share = true;
        }
        return Optional.empty();
    }
}
