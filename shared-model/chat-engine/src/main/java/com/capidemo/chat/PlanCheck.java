package com.capidemo.chat;

import java.util.Optional;
import java.util.Set;

/**
 * The last stage: compares the finished plan with the question and declines on a mismatch that would otherwise be
 * answered with a confident wrong number.
 * <ul>
 * <li>"Which X has the most Y", "what X …": a ranking whose head names records or a category must name them in the
 * answer (a grouping by X), not report the largest Y alone;</li>
 * <li>a named rate, percentage or share is never answered with the average time between two dates.</li>
 * </ul>
 */
final class PlanCheck implements PlanStage {

    private static final Set<String> RATE_WORDS =
            Words.set("rate", "rates", "percentage", "percent", "share", "proportion", "ratio", "fraction", "%");
    private static final Set<String> VERBS =
            Words.set("is", "was", "are", "were", "s", "does", "did", "do", "has", "have", "had", "will");

    private final SemanticModel model;

    PlanCheck(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        boolean ranking = ctx.top() != null || ctx.has(Cues.SUPERLATIVE_DESC) || ctx.has(Cues.SUPERLATIVE_ASC);
        int which = Cues.headWord(draft.tokens);
        if (ranking && which >= 0 && draft.dims.isEmpty() && draft.timeGroup == null && draft.firstEvent == null) {
            int start = which + 1;
            while (start < draft.tokens.size() && draft.tokens.get(start).is("the", "a", "an")) {
                start++;
            }
            SemanticModel.Mention head = draft.at.get(start);
            boolean verb = start < draft.tokens.size()
                    && VERBS.contains(draft.tokens.get(start).text());
            if (!verb && head != null && head.first() == start && names(head)) {
                return Optional.of(
                        "it asks which " + draft.tokens.get(head.last()).text()
                                + " ranks first, and I could not rank them by that measure");
            }
            if (!verb
                    && head == null
                    && start < draft.tokens.size()
                    && !draft.tokens.get(start).isNumber()
                    && draft.tokens.get(which).is("which")) {
                return Optional.of("it asks which \"" + draft.tokens.get(start).text()
                        + "\" ranks first, and I could not tell what to rank");
            }
        }
        if (draft.measure != null && draft.measure.duration() && ctx.has(RATE_WORDS)) {
            String word = draft.tokens.stream()
                    .filter(t -> RATE_WORDS.contains(t.text()))
                    .findFirst()
                    .map(Words.Token::text)
                    .orElse("rate");
            return Optional.of("it names a " + word + ", which is not the time between two dates");
        }
        return Optional.empty();
    }

    /** A mention that names records or a category (what a "which" question wants named). */
    private boolean names(SemanticModel.Mention m) {
        return m.kind() == SemanticModel.Kind.TABLE
                || m.kind() == SemanticModel.Kind.COLUMN && !model.numeric(m) && !model.temporal(m);
    }
}
