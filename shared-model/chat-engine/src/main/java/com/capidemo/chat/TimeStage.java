package com.capidemo.chat;

import java.util.List;
import java.util.Optional;

/** Places the plan in time: the period and the time grouping on the date the question or the measure implies. */
final class TimeStage implements PlanStage {

    private final SemanticModel model;

    TimeStage(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        if (!ctx.time().ranges().isEmpty() || draft.grain != null) {
            String[] tc = draft.firstEvent != null
                    ? new String[] {draft.firstEvent.child(), draft.firstEvent.dateColumn()}
                    : timeColumn(draft.base, draft.metric, draft.boundTime, draft.measure);
            if (tc == null) {
                return Optional.of(
                        draft.metric != null && draft.metric.timeColumn() == null
                                ? draft.metric.label() + " is a current snapshot; I cannot place it in time"
                                : "I don't know which date of " + draft.base + " to use for that period");
            }
            if (yearColumn(model.schema.column(tc[0], tc[1]))
                    && (draft.grain != null && !draft.grain.equals("year")
                            || ctx.time().ranges().stream().anyMatch(r -> !wholeYears(r)))) {
                return Optional.of(tc[0] + " are recorded by year only (" + tc[1] + ")");
            }
            if (draft.boundTime != null) {
                draft.used.add(draft.boundTime);
            }
            if (!ctx.time().ranges().isEmpty()) {
                TimeParser.Range r = ctx.time().ranges().get(0);
                draft.period = new Plan.Period(
                        r.from() == null ? null : r.from().toString(),
                        r.to() == null ? null : r.to().toString(),
                        r.label(),
                        tc[0],
                        tc[1]);
            }
            if (draft.grain != null) {
                draft.timeGroup = new Plan.TimeGroup(draft.grain, tc[0], tc[1]);
            }
        }
        return Optional.empty();
    }

    /** The date column for periods and time groupings: the one the question names, the measure's, or the table's. */
    private String[] timeColumn(String base, Metric metric, SemanticModel.Mention bound, Plan.Measure measure) {
        if (bound != null) {
            if (model.schema.pathUp(base, bound.table()).isEmpty()) {
                return null;
            }
            return new String[] {bound.table(), bound.column()};
        }
        if (metric != null) {
            return metric.timeColumn() == null ? null : new String[] {metric.timeTable(), metric.timeColumn()};
        }
        String golden = goldenDate(base, measure);
        if (golden != null) {
            return new String[] {base, golden};
        }
        String own = model.defaultDate.get(base);
        if (own != null) {
            return new String[] {base, own};
        }
        // a table without dates of its own (order lines): its one year column named for its records (year,
        // application_year for applications; not model_year), else the date of the record it belongs to
        Schema.Table t = model.schema.table(base).orElseThrow();
        List<String> tableWords = Words.nameStems(base);
        List<String> years = t.columns().stream()
                .filter(TimeStage::yearColumn)
                .filter(c -> tableWords.containsAll(Words.nameStems(c.name().replaceAll("_?year$", ""))))
                .map(Schema.Column::name)
                .toList();
        if (years.size() == 1) {
            return new String[] {base, years.get(0)};
        }
        String[] found = null;
        for (Schema.Link link : t.links()) {
            String d = model.defaultDate.get(link.parent());
            if (d != null) {
                if (found != null) {
                    return null;
                }
                found = new String[] {link.parent(), d};
            }
        }
        return found;
    }

    /**
     * "Good parts made in 2024": a column the learned measures aggregate is placed in time by the date they use (work
     * orders by actual_end, not by planned_start), when all of them over that table use the same one of its dates.
     */
    private String goldenDate(String base, Plan.Measure measure) {
        if (measure == null || measure.column() == null || !base.equals(measure.table())) {
            return null;
        }
        java.util.Set<String> dates = new java.util.HashSet<>();
        for (Metric m : model.metrics) {
            if (m.base().equals(base) && m.columns().contains(base + "." + measure.column())) {
                if (m.timeColumn() == null || !base.equals(m.timeTable())) {
                    return null;
                }
                dates.add(m.timeColumn());
            }
        }
        return dates.size() == 1 ? dates.iterator().next() : null;
    }

    /** A whole-number column that holds a calendar year (year, entry_year, application_year), not a quantity. */
    static boolean yearColumn(Schema.Column c) {
        return c.type() == Schema.Type.INTEGER
                && c.name().toLowerCase(java.util.Locale.ROOT).matches("(.*_)?year");
    }

    /** A period of whole calendar years ("in 2025", "from 2022 to 2023", "since 2020"). */
    private static boolean wholeYears(TimeParser.Range r) {
        return (r.from() == null || r.from().getDayOfYear() == 1) && (r.to() == null || r.to().getDayOfYear() == 1);
    }
}
