package com.capidemo.chat;

import java.util.Optional;

/** Checks that every mention, negation and unit word of the question was used: anything left over is declined. */
final class CoverageStage implements PlanStage {

    private final SemanticModel model;

    CoverageStage(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        for (SemanticModel.Mention m : draft.sel) {
            if (draft.used.contains(m)) {
                continue;
            }
            switch (m.kind()) {
                case TABLE -> {
                    if (model.schema.pathUp(draft.base, m.table()).isEmpty()) {
                        return Optional.of("I cannot relate " + m.table() + " to " + draft.base + " in one question");
                    }
                }
                case COLUMN -> {
                    boolean inMetric =
                            draft.metric != null && draft.metric.columns().contains(m.table() + "." + m.column());
                    boolean measured = m.table().equals(draft.measure.table())
                            && m.column().equals(draft.measure.column());
                    if (!inMetric && !measured) {
                        return Optional.of("I am not sure what to do with " + Cues.describe(m) + " in this question");
                    }
                }
                default -> {
                    return Optional.of("I am not sure what to do with " + Cues.describe(m));
                }
            }
        }
        // every "not", "excluding", "without" … must have been applied to something
        for (Words.Token t : draft.tokens) {
            boolean negation = Cues.NEGATIONS.contains(t.text())
                    || t.is("than")
                            && t.index() > 0
                            && draft.tokens.get(t.index() - 1).is("other");
            if (negation
                    && !draft.negations.contains(t.index())
                    && !draft.at.containsKey(t.index())
                    && !(t.is("no") && ctx.text(t.index() + 1).equals("more")
                            || t.is("not") && ctx.text(t.index() + 1).equals("only"))) {
                return Optional.of("I could not tell what \"" + t.text() + "\" applies to");
            }
        }
        // cue words that need a stage to apply them: "first", "never", "how long", "hours"
        for (Words.Token t : draft.tokens) {
            SemanticModel.Mention at = draft.at.get(t.index());
            boolean covered = at != null
                    && (draft.used.contains(at)
                            || at.kind() == SemanticModel.Kind.COLUMN
                                    && at.table().equals(draft.measure.table())
                                    && at.column().equals(draft.measure.column()));
            if (t.is(
                            "first", "never", "long", "hour", "hours", "minute", "minutes", "last", "lasts", "run",
                            "runs", "after", "before")
                    && !draft.applied.get(t.index())
                    && !covered
                    && !ctx.time().consumed().get(t.index())
                    && !operated(draft, t)) {
                return Optional.of("I could not tell what \"" + t.text() + "\" applies to here");
            }
        }
        // unexplained unit words ("per year" that was not a grouping)
        for (Words.Token t : draft.tokens) {
            if (Cues.UNITS.contains(t.text())
                    && !ctx.time().consumed().get(t.index())
                    && !draft.applied.get(t.index())
                    && (draft.grainColumn == null || t.index() != draft.grainColumn.last() + 1)) {
                if (!(t.index() > 0 && draft.tokens.get(t.index() - 1).isNumber())) {
                    return Optional.of("I don't know how to use \"" + t.text() + "\" here");
                }
            }
        }
        return Optional.empty();
    }

    /** Words that ask how long something runs, so "run" there is a duration and not a light verb. */
    private static final java.util.Set<String> DURATION = Words.set(
            "long",
            "longest",
            "hour",
            "hours",
            "minute",
            "minutes",
            "second",
            "seconds",
            "day",
            "days",
            "week",
            "weeks",
            "time",
            "duration",
            "average",
            "avg",
            "mean",
            "total");

    /**
     * "How many cell sites do we run?", "how many work orders did each plant run?": in a plain count of records "run"
     * said after them means operating them and adds nothing; never when the question asks how long or how much.
     */
    private static boolean operated(PlanDraft draft, Words.Token t) {
        if (!t.is("run", "runs")
                || draft.measure == null
                || !"count".equals(draft.measure.kind())
                || draft.firstEvent != null
                || !(draft.ctx.has("how") && draft.ctx.has("many"))
                || draft.tokens.stream().anyMatch(x -> DURATION.contains(x.text()))) {
            return false;
        }
        int many = Cues.phrase(draft.tokens, "how", "many");
        return many >= 0
                && draft.sel.stream()
                        .anyMatch(m -> m.kind() == SemanticModel.Kind.TABLE
                                && m.table().equals(draft.measure.table())
                                && m.first() == many + 1
                                && m.last() < t.index());
    }
}
