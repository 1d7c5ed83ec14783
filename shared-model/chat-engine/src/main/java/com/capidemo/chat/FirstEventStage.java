package com.capidemo.chat;

import java.util.Optional;

/**
 * First events: "how many customers placed their first order each year" counts each entity once, by the date of its
 * first child record (the child's own date). The verb before "their first" is only the event's verb.
 */
final class FirstEventStage implements PlanStage {

    private final SemanticModel model;

    FirstEventStage(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        int first = -1;
        for (Words.Token t : draft.tokens) {
            if (t.is("first")
                    && !draft.ctx.time().consumed().get(t.index())
                    && !(draft.at.containsKey(t.index())
                            && draft.at.get(t.index()).kind() != SemanticModel.Kind.TABLE)) {
                first = t.index();
                break;
            }
        }
        if (first < 0 || draft.measure == null || !"count".equals(draft.measure.kind()) || draft.base == null) {
            return Optional.empty();
        }
        int j = first + 1;
        while (j < draft.tokens.size()
                && draft.tokens.get(j).is("their", "its", "a", "an", "the", "ever", "his", "her")) {
            j++;
        }
        SemanticModel.Mention child = Cues.mentionAt(draft.sel, j);
        if (child == null
                || child.kind() != SemanticModel.Kind.TABLE
                || child.table().equals(draft.base)) {
            return Optional.empty();
        }
        Schema.Link link = model.schema.table(child.table()).orElseThrow().links().stream()
                .filter(l -> l.parent().equals(draft.base))
                .findFirst()
                .orElse(null);
        String date = model.defaultDate.get(child.table());
        if (link == null || date == null) {
            return Optional.of("I don't know when each " + Words.singular(draft.base) + "'s first "
                    + Words.singular(child.table()) + " happened");
        }
        draft.firstEvent = new Plan.FirstEvent(child.table(), link.column(), date);
        draft.used.add(child);
        draft.applied.set(first);
        int verb = first - 1;
        while (verb >= 0 && draft.tokens.get(verb).is("their", "its", "his", "her")) {
            verb--;
        }
        SemanticModel.Mention v = draft.at.get(verb);
        if (v != null && (v.entry().weak() || model.temporal(v))) {
            draft.used.add(v); // "opened their first ticket": the event's verb, not the value 'open'
        }
        return Optional.empty();
    }
}
