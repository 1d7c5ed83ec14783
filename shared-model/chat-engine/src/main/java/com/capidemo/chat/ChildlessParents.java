package com.capidemo.chat;

import com.capidemo.core.port.QueryResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An average per entity over all parents ("on average, how many policies does each policyholder hold") has a second
 * reading, over the parents that have any child records: the data decides whether they differ. The plan is run once
 * more as the average over the parents with child records; when the two answers differ the question is declined as
 * ambiguous, unless it said which parents it means ("including those who never booked"; "among", "counting" and
 * "who have" are planned as the narrower reading already).
 */
final class ChildlessParents {

    private ChildlessParents() {}

    /**
     * @param run runs a read-only query on the dataset
     * @return why the answer is declined, or empty when the plan is not an average over all parents or both readings
     *     give the same rows
     */
    static Optional<String> unclear(
            SemanticModel model,
            Planner.Planned p,
            String question,
            QueryResult rows,
            Function<String, QueryResult> run) {
        Plan plan = p.plan();
        if (p.later() != null
                || p.measures().size() > 1
                || plan.measure() == null
                || !"per_entity".equals(plan.measure().kind())
                || Words.tokenize(question).stream().anyMatch(t -> t.is("including", "never", "all"))) {
            return Optional.empty();
        }
        Plan.Measure m = plan.measure();
        Plan active = new Plan(
                plan.base(),
                new Plan.Measure("per_active_entity", m.table(), m.column(), m.metric(), null, null, m.unit()),
                plan.dims(),
                plan.timeGroup(),
                plan.filters(),
                plan.period(),
                plan.limit(),
                plan.ascending(),
                plan.share(),
                plan.numerator(),
                plan.firstEvent());
        Optional<String> sql = new SqlWriter(model).write(active);
        String parents = m.unit().replace('_', ' ');
        String children = plan.base().replace('_', ' ');
        String reason = "I could not tell whether to average over all " + parents + " or only those that have "
                + children + " (some have none)";
        if (sql.isEmpty()) {
            return Optional.of(reason);
        }
        QueryResult other;
        try {
            other = run.apply(sql.get());
        } catch (RuntimeException e) {
            return Optional.of(reason);
        }
        return same(rows.rows(), other.rows()) ? Optional.empty() : Optional.of(reason);
    }

    private static boolean same(List<List<Object>> a, List<List<Object>> b) {
        return String.valueOf(a).equals(String.valueOf(b));
    }
}
