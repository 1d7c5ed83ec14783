package com.capidemo.chat;

import java.util.Optional;
import java.util.Set;

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
                && amountShare(draft)) {
            return Optional.empty();
        }
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

    /**
     * "what share of card spend happened online", "what percentage of our revenue comes from checked bags": a sum of
     * an amount column with exactly one condition said after it (one column, its values) is the part; the sum over
     * the same rows is the whole. Any other filter and the period narrow both.
     */
    private static boolean amountShare(PlanDraft draft) {
        Plan.Measure m = draft.measure;
        if (m == null
                || !"sum".equals(m.kind())
                || m.column() == null
                || m.duration()
                || m.unit() != null
                || draft.metric != null
                || draft.limit != null
                || draft.ctx.top() != null
                || !draft.numerator.isEmpty()
                || draft.firstEvent != null) {
            return false;
        }
        int cue = -1;
        for (Words.Token t : draft.tokens) {
            if (t.is("share", "percentage", "percent", "proportion")) {
                if (cue >= 0) {
                    return false;
                }
                cue = t.index();
            }
        }
        int amount = -1;
        for (SemanticModel.Mention x : draft.sel) {
            if (x.first() > cue
                    && x.kind() == SemanticModel.Kind.COLUMN
                    && m.table().equals(x.table())
                    && m.column().equals(x.entry().column())) {
                amount = amount < 0 ? x.last() : amount;
            }
        }
        if (cue < 0 || amount < 0) {
            return false;
        }
        Plan.Cond part = null;
        for (Plan.Cond c : draft.filters) {
            int at = draft.condAt.getOrDefault(c, -1);
            if (at > amount) {
                if (part != null
                        || c.segment() != null
                        || !Set.of("eq", "in").contains(c.op())
                        || c.values().isEmpty()) {
                    return false;
                }
                part = c;
            }
        }
        if (part == null) {
            return false;
        }
        draft.filters.remove(part);
        draft.numerator.add(part);
        draft.measure = new Plan.Measure("amount_share", m.table(), m.column(), null);
        return true;
    }
}
