package com.capidemo.chat;

import java.util.Optional;
import java.util.Set;

/**
 * Averages per entity: "how many users does each account have on average", "average number of orders per customer".
 * The count of the child records is divided by the number of parents: all of them ("each account", "including those
 * who never booked"), or only those that have child records when the question narrows the parents to them ("among
 * customers who have ordered", "counting the customers we shipped to").
 */
final class PerEntityStage implements PlanStage {

    private static final Set<String> AVERAGE = Words.set("average", "avg", "mean", "typical", "typically");
    /** Words that narrow the parents to the ones that have child records. */
    private static final Set<String> AMONG = Words.set("among", "amongst", "counting");

    private final SemanticModel model;

    PerEntityStage(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Optional<String> out = perEntity(draft);
        if (out.isEmpty()
                && draft.averageCue >= 0
                && draft.measure != null
                && !draft.measure.kind().startsWith("per_")) {
            return Optional.of("it asks for an average of something I cannot compute per record here");
        }
        return out;
    }

    private Optional<String> perEntity(PlanDraft draft) {
        boolean average = draft.tokens.stream().anyMatch(t -> AVERAGE.contains(t.text()));
        Question ctx = draft.ctx;
        boolean ranking = ctx.top() != null || ctx.has(Cues.SUPERLATIVE_DESC) || ctx.has(Cues.SUPERLATIVE_ASC);
        if (!average || draft.measure == null || ranking) {
            return Optional.empty();
        }
        SemanticModel.Mention parent = draft.perEntity;
        if (parent == null
                && draft.dims.size() == 1
                && draft.dims.get(0).entity()
                && draft.timeGroup == null
                && "count".equals(draft.measure.kind())) {
            // "on average, how many work orders on each machine": the grouping was the parent
            String table = draft.dims.get(0).table();
            parent = draft.dimMentions.stream()
                    .filter(m -> m.table().equals(table))
                    .findFirst()
                    .orElse(null);
        }
        if (parent == null && draft.dims.isEmpty() && draft.timeGroup == null && "count".equals(draft.measure.kind())) {
            parent = pronounParent(draft);
        }
        if (parent == null) {
            return Optional.empty();
        }
        if (!"count".equals(draft.measure.kind()) || draft.metric != null || draft.firstEvent != null) {
            return Optional.of("averages per " + Words.singular(parent.table()).replace('_', ' ')
                    + " of anything but a count of records are not something I can compute reliably yet");
        }
        String child = draft.base;
        String p = parent.table();
        Schema.Link link = null;
        for (Schema.Link l : model.schema.table(child).orElseThrow().links()) {
            if (l.parent().equals(p)) {
                if (link != null) {
                    return Optional.of("there is more than one way " + child + " refer to " + p);
                }
                link = l;
            }
        }
        if (link == null) {
            return Optional.of("I cannot relate " + p + " to " + child + " directly");
        }
        boolean among = draft.tokens.stream().anyMatch(t -> AMONG.contains(t.text()))
                || draft.tokens.stream()
                        .anyMatch(t -> t.is("who", "that")
                                && draft.ctx.text(t.index() + 1).matches("have|has|had"));
        boolean all = draft.tokens.stream().anyMatch(t -> t.is("including", "never"));
        if (draft.tokens.stream().anyMatch(t -> t.is("among", "amongst"))
                && draft.tokens.stream().noneMatch(t -> t.is("who", "that", "counting"))) {
            // "among customers in Texas": narrowed by something else than having child records
            return Optional.of("I could not tell which " + p + " to average over");
        }
        if (among && all) {
            return Optional.of("I could not tell whether to average over all " + p + " or only those with " + child);
        }
        if (!among && !draft.ctx.time().ranges().isEmpty()) {
            return Optional.of("I could not tell whether to average over all " + p + " or only those with " + child
                    + " in that period");
        }
        draft.dims.removeIf(d -> d.table().equals(p));
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() == SemanticModel.Kind.TABLE && m.table().equals(p)) {
                draft.used.add(m);
            }
        }
        draft.dimMentions.remove(parent);
        draft.used.add(parent);
        draft.tokens.stream().filter(t -> t.is("never")).forEach(t -> draft.applied.set(t.index()));
        draft.measure =
                new Plan.Measure(among ? "per_active_entity" : "per_entity", child, link.column(), null, null, null, p);
        return Optional.empty();
    }

    /**
     * The parent of "how many bookings has each made on average" or "how many shipments did a customer receive on
     * average": "each" standing alone, or "a"/"an" right before a table's name, when the one table the question names
     * besides the counted one is a direct parent of it.
     */
    private SemanticModel.Mention pronounParent(PlanDraft draft) {
        SemanticModel.Mention parent = null;
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() != SemanticModel.Kind.TABLE || m.table().equals(draft.base) || draft.used.contains(m)) {
                continue;
            }
            boolean linked = model.schema.table(draft.base).orElseThrow().links().stream()
                    .anyMatch(l -> l.parent().equals(m.table()));
            if (!linked || parent != null && !parent.table().equals(m.table())) {
                return null;
            }
            if (parent == null) {
                parent = m;
            }
        }
        if (parent == null) {
            return null;
        }
        String table = parent.table();
        for (Words.Token t : draft.tokens) {
            boolean alone =
                    t.is("each") && draft.sel.stream().noneMatch(m -> m.tokens().get(t.index() + 1));
            boolean article = t.is("a", "an")
                    && draft.sel.stream()
                            .anyMatch(m -> m.kind() == SemanticModel.Kind.TABLE
                                    && m.table().equals(table)
                                    && m.first() == t.index() + 1);
            if (alone || article) {
                return parent;
            }
        }
        return null;
    }
}
