package com.capidemo.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Decides the groupings: "by"/"per"/"each" cues, the head of a ranking question ("which X"), "most common X". */
final class GroupingStage implements PlanStage {

    private final SemanticModel model;

    GroupingStage(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        draft.grain = ctx.time().grain();
        for (Words.Token t : draft.tokens) {
            boolean cue = Cues.GROUP_CUES.contains(t.text())
                    || t.is("for", "in", "at") && ctx.text(t.index() + 1).equals("each");
            if (!cue
                    || ctx.time().consumed().get(t.index())
                    || t.is("each")
                            && t.index() > 0
                            && draft.tokens.get(t.index() - 1).is("for", "in", "at")) {
                continue;
            }
            int start = t.index() + (ctx.text(t.index() + 1).equals("each") && !t.is("each") ? 2 : 1);
            SemanticModel.Mention d = Cues.headOfRun(draft.sel, draft.tokens, start, draft.used);
            if (d == null) {
                continue;
            }
            if (d.kind() == SemanticModel.Kind.COLUMN && model.temporal(d)) {
                // "by origination year", "by signup month"
                String unit = ctx.text(d.last() + 1);
                if (Cues.UNITS.contains(unit)) {
                    draft.grain = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
                    draft.grainColumn = d;
                    draft.used.add(d);
                    continue;
                }
                return Optional.of(
                        "grouping by an exact date is not supported; ask by day, week, month, quarter or year");
            }
            if (t.is("per")
                    && d.kind() == SemanticModel.Kind.TABLE
                    && draft.base != null
                    && d.table().equals(draft.base)) {
                draft.used.add(d);
                continue; // "average items per checkout": per row of the draft.base table
            }
            if (t.is("per")
                    && d.kind() == SemanticModel.Kind.TABLE
                    && draft.tokens.stream()
                            .anyMatch(x -> "avg".equals(Cues.aggregate(x.text())) || x.is("typical", "typically"))) {
                if (draft.perEntity != null) {
                    return Optional.of("ratios per " + d.table() + " are not something I can compute reliably yet");
                }
                draft.perEntity = d; // "average number of orders per customer": PerEntityStage decides
                draft.used.add(d);
                continue;
            }
            if (d.kind() == SemanticModel.Kind.TABLE || d.kind() == SemanticModel.Kind.COLUMN) {
                draft.dimMentions.add(d);
                draft.used.add(d);
            }
        }
        // "which X …", "what X …" at the head of a ranking question
        draft.singularHead = false;
        int which = Cues.headWord(draft.tokens);
        if (which >= 0) {
            int start = which + 1;
            while (start < draft.tokens.size()
                    && (draft.tokens.get(start).is("the", "are", "were", "is", "was")
                            || ctx.top() != null && start == ctx.top().token())) {
                start++;
            }
            SemanticModel.Mention d = Cues.headOfRun(draft.sel, draft.tokens, start, draft.used);
            if (d == null) {
                d = valuedEntity(draft, start); // "which enterprise customers …"
            }
            boolean ranking = ctx.has(Cues.SUPERLATIVE_DESC) || ctx.has(Cues.SUPERLATIVE_ASC) || ctx.top() != null;
            if (d != null
                    && ranking
                    && (d.kind() == SemanticModel.Kind.TABLE
                            || d.kind() == SemanticModel.Kind.COLUMN && !model.numeric(d) && !model.temporal(d))) {
                boolean isMeasureSubject = draft.measure != null
                        && "count".equals(draft.measure.kind())
                        && d.kind() == SemanticModel.Kind.TABLE
                        && Objects.equals(draft.base, d.table())
                        && draft.measure.table() != null;
                if (!isMeasureSubject) {
                    draft.dimMentions.add(0, d);
                    draft.used.add(d);
                    String word = draft.tokens.get(d.last()).text();
                    draft.singularHead = Words.singular(word).equals(word) && !word.endsWith("s");
                }
            }
        }
        // "top 10 products by …", "the 5 branches that …"
        if (ctx.top() != null && draft.dimMentions.isEmpty()) {
            SemanticModel.Mention d =
                    Cues.headOfRun(draft.sel, draft.tokens, ctx.top().token() + 1, draft.used);
            if (d == null) {
                d = valuedEntity(draft, ctx.top().token() + 1);
            }
            if (d != null
                    && (d.kind() == SemanticModel.Kind.TABLE
                            || d.kind() == SemanticModel.Kind.COLUMN && !model.numeric(d) && !model.temporal(d))) {
                boolean isMeasureSubject = draft.measure != null
                        && "count".equals(draft.measure.kind())
                        && d.kind() == SemanticModel.Kind.TABLE
                        && Objects.equals(draft.base, d.table());
                if (!isMeasureSubject) {
                    draft.dimMentions.add(d);
                    draft.used.add(d);
                }
            }
        }
        // "most common X"
        for (Words.Token t : draft.tokens) {
            if ((t.is("common", "frequent", "popular", "used"))
                    && t.index() > 0
                    && (Cues.SUPERLATIVE_DESC.contains(ctx.text(t.index() - 1))
                            || Cues.SUPERLATIVE_ASC.contains(ctx.text(t.index() - 1)))) {
                SemanticModel.Mention d = Cues.headOfRun(draft.sel, draft.tokens, t.index() + 1, draft.used);
                if (d != null
                        && !model.numeric(d)
                        && (d.kind() == SemanticModel.Kind.COLUMN || d.kind() == SemanticModel.Kind.TABLE)) {
                    draft.dimMentions.add(d);
                    draft.used.add(d);
                }
            }
        }
        if (draft.measure != null && draft.measure.table() == null && "count".equals(draft.measure.kind())) {
            // "most common X": count rows of X's table
            if (draft.dimMentions.isEmpty()) {
                return Optional.of("I could not tell what to count");
            }
            SemanticModel.Mention d = draft.dimMentions.get(0);
            SemanticModel.Mention subject = draft.sel.stream()
                    .filter(m -> m.kind() == SemanticModel.Kind.TABLE && !draft.used.contains(m))
                    .findFirst()
                    .orElse(null);
            draft.base = subject != null ? subject.table() : d.table();
            if (subject == null && (d.kind() == SemanticModel.Kind.TABLE || model.entityColumn(d))) {
                // "the most used discount code": the records that refer to it, when exactly one table does
                List<String> children = model.schema.tables().values().stream()
                        .filter(c -> c.links().stream().anyMatch(l -> l.parent().equals(d.table())))
                        .map(Schema.Table::name)
                        .toList();
                if (children.size() != 1) {
                    return Optional.of("I could not tell which records that refer to " + d.table() + " to count");
                }
                draft.base = children.get(0);
            }
            if (subject != null) {
                draft.used.add(subject);
            }
            draft.measure = new Plan.Measure("count", draft.base, null, null);
        }
        boolean defaulted = draft.measure == null;
        if (draft.measure == null && !draft.dimMentions.isEmpty()) {
            SemanticModel.Mention subject = draft.sel.stream()
                    .filter(m -> m.kind() == SemanticModel.Kind.TABLE && !draft.used.contains(m))
                    .findFirst()
                    .orElse(null);
            if (subject != null && (ctx.has(Cues.SHARE_CUES) || ctx.has(Cues.GROUP_CUES))) {
                draft.measure = new Plan.Measure("count", subject.table(), null, null);
                draft.base = subject.table();
                draft.used.add(subject);
            }
        }
        if (draft.measure == null && draft.metric == null) {
            Optional<SemanticModel.Mention> sum = DefinedSums.namedSum(model, draft);
            if (sum.isPresent()
                    && (draft.base == null || draft.base.equals(sum.get().table()))) {
                draft.measure =
                        new Plan.Measure("sum", sum.get().table(), sum.get().column(), null);
                draft.base = sum.get().table();
                draft.used.add(sum.get());
            }
        }
        if (draft.measure == null) {
            return Optional.of("I could not tell what to measure (a count, a total, an average …)");
        }
        if (defaulted && "count".equals(draft.measure.kind()) && draft.averageCue < 0) {
            // "the average loan for each type": a count by default, with an average asked for, is per entity or
            // declined
            for (Words.Token t : draft.tokens) {
                String agg = Cues.aggregate(t.text());
                if (("avg".equals(agg) || "median".equals(agg))
                        && !(draft.at.containsKey(t.index()) && draft.used.contains(draft.at.get(t.index())))) {
                    draft.averageCue = t.index();
                    break;
                }
            }
        }
        if (draft.base == null) {
            return Optional.of("I could not tell which records to measure");
        }
        for (SemanticModel.Mention d : draft.dimMentions) {
            String table = d.table();
            if (model.schema.pathUp(draft.base, table, draft.namedTables()).isEmpty()) {
                String why = countByChild(draft, d);
                if (why != null) {
                    return Optional.of(why);
                }
            }
            if (d.kind() == SemanticModel.Kind.TABLE) {
                if (table.equals(draft.base) && draft.measure.kind().equals("count")) {
                    return Optional.of("grouping " + draft.base + " by itself");
                }
                Plan.Dim dim = new Plan.Dim(table, null, true);
                if (!draft.dims.contains(dim)) {
                    draft.dims.add(dim);
                }
            } else if (d.column().equals(model.label.get(d.table()))
                    && model.schema.table(d.table()).orElseThrow().primaryKey() != null) {
                Plan.Dim dim = new Plan.Dim(table, null, true);
                if (!draft.dims.contains(dim)) {
                    draft.dims.add(dim);
                }
            } else {
                Schema.Column c = model.schema.column(d.table(), d.column());
                if (c.numeric() && c.distinct() > 60) {
                    return Optional.of("grouping by " + d.column() + " (a continuous number) is not supported");
                }
                Plan.Dim dim = new Plan.Dim(table, d.column(), false);
                if (!draft.dims.contains(dim)) {
                    draft.dims.add(dim);
                }
            }
        }
        if (draft.dims.size() > 2) {
            return Optional.of("it groups by more than two things");
        }
        return Optional.empty();
    }

    /**
     * "top 5 enterprise customers by …", "top 5 women's products by …": values right after the number that belong to
     * the table named next (its own categorical values) narrow the ranked records and leave that table to rank; the
     * values stay conditions. Null unless every skipped word is such a value of that one table.
     */
    private static SemanticModel.Mention valuedEntity(PlanDraft draft, int start) {
        int i = start;
        List<SemanticModel.Mention> values = new java.util.ArrayList<>();
        while (i < draft.tokens.size()) {
            int idx = i;
            SemanticModel.Mention m =
                    draft.sel.stream().filter(x -> x.first() == idx).findFirst().orElse(null);
            if (m == null && draft.tokens.get(i).is("s") && !values.isEmpty()) {
                i++; // "women's"
                continue;
            }
            if (m == null || m.kind() != SemanticModel.Kind.VALUE || draft.used.contains(m)) {
                break;
            }
            values.add(m);
            i = m.last() + 1;
        }
        if (values.isEmpty()) {
            return null;
        }
        SemanticModel.Mention d = Cues.headOfRun(draft.sel, draft.tokens, i, draft.used);
        if (d == null || d.kind() != SemanticModel.Kind.TABLE) {
            return null;
        }
        return values.stream().allMatch(v -> v.table().equals(d.table())) ? d : null;
    }

    /**
     * "How many orders shipped with each carrier": a grouping by a column of a table below the counted one (its
     * records refer to the counted records along one path of foreign keys), when another word of the question names
     * the lower records too ("shipped": the shipping date of fulfillments; without it, "customers in each country"
     * would be grouped by the country of their orders). The plan is then taken over the lower
     * table and counts the distinct counted records in each group, so a record with several lower records is counted
     * once per group, never once per lower record. Any other measure (a total, an average, a learned measure) would
     * repeat the upper record's value once per lower record and is declined, as is a period or a time grouping (whose
     * date would change tables). Null when the draft is rebased; otherwise the reason to decline.
     */
    private String countByChild(PlanDraft draft, SemanticModel.Mention d) {
        String upper = draft.base;
        String cannot = "I cannot relate " + Cues.describe(d) + " to " + upper;
        Optional<java.util.List<Schema.Link>> down = model.schema.pathUp(d.table(), upper);
        if (down.isEmpty() || down.get().isEmpty()) {
            return cannot;
        }
        boolean counted = "count".equals(draft.measure.kind())
                && draft.metric == null
                && draft.perEntity == null
                && upper.equals(draft.measure.table());
        if (!counted) {
            return "it would repeat each " + Words.singular(upper).replace('_', ' ') + "'s value once for each of its "
                    + d.table().replace('_', ' ') + ", so I cannot break it down by " + Cues.describe(d);
        }
        String key = model.schema.table(upper).orElseThrow().primaryKey();
        boolean named = draft.sel.stream().anyMatch(m -> m != d && m.table().equals(d.table()));
        if (key == null
                || !named
                || draft.rebased
                || draft.grain != null
                || !draft.ctx.time().ranges().isEmpty()) {
            return cannot;
        }
        draft.rebased = true;
        draft.base = d.table();
        draft.measure = new Plan.Measure("count_distinct", upper, key, null);
        return null;
    }
}
