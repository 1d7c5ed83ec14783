package com.capidemo.chat;

import java.util.Optional;

/**
 * "Which region had the most customers affected by outages?": a ranking grouped by each record of the measured table
 * itself (outage_id of outages) next to another grouping ranks single records, not the regions the question asks
 * about ("affected by outages" names the records, no breakdown). Declined.
 */
final class OwnRecordGrouping {

    private OwnRecordGrouping() {}

    static Optional<String> check(SemanticModel model, PlanDraft draft) {
        if (draft.followUp || draft.base == null || draft.dims.size() < 2) {
            return Optional.empty();
        }
        Question ctx = draft.ctx;
        if (draft.limit == null
                && ctx.top() == null
                && !ctx.has(Cues.SUPERLATIVE_DESC)
                && !ctx.has(Cues.SUPERLATIVE_ASC)) {
            return Optional.empty();
        }
        String key =
                model.schema.table(draft.base).map(Schema.Table::primaryKey).orElse(null);
        if (key == null) {
            return Optional.empty();
        }
        for (Plan.Dim d : draft.dims) {
            if (draft.base.equals(d.table()) && (d.entity() || key.equals(d.column()))) {
                return Optional.of("it ranks groups, and I would be grouping by each of the "
                        + draft.base.replace('_', ' ') + " themselves");
            }
        }
        return Optional.empty();
    }
}
