package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps a learned measure's own definition: its filters may not be changed, only restated. */
final class MetricFilterStage implements PlanStage {

    private final SemanticModel model;

    MetricFilterStage(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        if (draft.metric != null) {
            for (Plan.Cond f : draft.filters) {
                if (draft.metric.filterColumns().contains(f.table() + "." + f.column())) {
                    String rendered = Cues.conditionText(f);
                    boolean same = draft.metric.filters().stream()
                            .anyMatch(x -> x.replaceAll("\\{[a-z0-9_]+}\\.", "")
                                    .replace("\"", "")
                                    .equalsIgnoreCase(rendered));
                    if (!same) {
                        return Optional.of(draft.metric.label() + " is defined for a fixed " + f.column()
                                + "; I cannot change that filter");
                    }
                }
            }
            List<Plan.Cond> kept = new ArrayList<>();
            for (Plan.Cond f : draft.filters) {
                if (!draft.metric.filterColumns().contains(f.table() + "." + f.column())) {
                    kept.add(f);
                }
            }
            draft.filters = kept;
        }
        for (Plan.Cond f : draft.filters) {
            if (model.schema.pathUp(draft.base, f.table()).isEmpty()) {
                return Optional.of("I cannot relate " + f.column() + " to " + draft.base);
            }
        }
        return Optional.empty();
    }
}
