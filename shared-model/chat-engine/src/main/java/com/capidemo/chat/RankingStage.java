package com.capidemo.chat;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides ranking (limit, direction) and whether each row's share of the total is shown. */
final class RankingStage implements PlanStage {

    private static final Pattern SUM = Pattern.compile("-?sum\\(\\{(\\w+)\\}\\.(\\w+)\\)");
    private static final Pattern ROUNDED_SUM = Pattern.compile("round\\(-?sum\\(\\{(\\w+)\\}\\.(\\w+)\\),\\d+\\)");

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
        Metric metric = draft.metric;
        if (metric != null) {
            String[] summed = m != null && "metric".equals(m.kind()) ? summedColumn(metric) : null;
            if (summed == null) {
                return false;
            }
            m = new Plan.Measure("sum", summed[0], summed[1], null);
        }
        if (m == null
                || !"sum".equals(m.kind())
                || m.column() == null
                || m.duration()
                || m.unit() != null
                || (metric != null && metric.percent())
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
            boolean named = metric != null
                    ? x.kind() == SemanticModel.Kind.METRIC
                            && x.entry().metric() != null
                            && metric.name().equals(x.entry().metric().name())
                    : x.kind() == SemanticModel.Kind.COLUMN
                            && m.table().equals(x.table())
                            && m.column().equals(x.entry().column());
            if (x.first() > cue && named) {
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
        if (part == null || (metric != null && metric.filterColumns().contains(part.table() + "." + part.column()))) {
            return false;
        }
        draft.filters.remove(part);
        draft.numerator.add(part);
        draft.measure = new Plan.Measure("amount_share", m.table(), m.column(), metric == null ? null : metric.name());
        return true;
    }

    /**
     * A learned measure that is exactly a sum of one column ({@code sum({t}.c)}, possibly negated or rounded) with its
     * own filters: {table, column}; anything else (a ratio, a count, two columns) is null.
     */
    private static String[] summedColumn(Metric metric) {
        String e = metric.expression().replaceAll("\\s+", "");
        Matcher x = SUM.matcher(e);
        if (!x.matches()) {
            x = ROUNDED_SUM.matcher(e);
            if (!x.matches()) {
                return null;
            }
        }
        return x.group(1).equals(metric.base()) ? new String[] {x.group(1), x.group(2)} : null;
    }
}
