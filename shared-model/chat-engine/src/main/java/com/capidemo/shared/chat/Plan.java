package com.capidemo.shared.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A structured query the planner understood: one measure over a base table, optional groupings (columns, entities or
 * a time grain), filters, a period, ordering and a row limit. It is stored with each conversation turn so that a
 * follow-up ("and by month?", "only for 2024", "top 5 instead") can refine it.
 */
public record Plan(
        String base,
        Measure measure,
        List<Dim> dims,
        TimeGroup timeGroup,
        List<Cond> filters,
        Period period,
        Integer limit,
        boolean ascending,
        boolean share) {

    public Plan {
        dims = dims == null ? List.of() : List.copyOf(dims);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /**
     * What is measured. kind: count (rows of base), count_distinct (of table.column), sum, avg, min, max, median
     * (of table.column) or metric (a learned measure, by name).
     */
    public record Measure(String kind, String table, String column, String metric) {
    }

    /** A grouping by a column, or by an entity (table) shown by its label column and keyed by its primary key. */
    public record Dim(String table, String column, boolean entity) {
    }

    /** A time grouping: day, week, month, quarter or year of table.column. */
    public record TimeGroup(String grain, String table, String column) {
    }

    /**
     * A filter on table.column. op: in, not_in (values), is_null, not_null, is_true, is_false, or a comparison
     * (gt, ge, lt, le) with one number.
     */
    public record Cond(String table, String column, String op, List<String> values, Double number) {
        public Cond {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** A half-open period [from, to) on table.column; ISO dates, either may be null. */
    public record Period(String from, String to, String label, String table, String column) {
    }

    Plan withDims(List<Dim> d) {
        return new Plan(base, measure, d, timeGroup, filters, period, limit, ascending, share);
    }

    Plan withTimeGroup(TimeGroup g) {
        return new Plan(base, measure, dims, g, filters, period, limit, ascending, share);
    }

    Plan withPeriod(Period p) {
        return new Plan(base, measure, dims, timeGroup, filters, p, limit, ascending, share);
    }

    Plan withLimit(Integer n, boolean asc) {
        return new Plan(base, measure, dims, timeGroup, filters, period, n, asc, share);
    }

    Plan withFilters(List<Cond> f) {
        return new Plan(base, measure, dims, timeGroup, f, period, limit, ascending, share);
    }

    Plan withShare(boolean s) {
        return new Plan(base, measure, dims, timeGroup, filters, period, limit, ascending, s);
    }

    /** Every table the plan touches besides the base. */
    List<String> tables() {
        List<String> out = new ArrayList<>();
        dims.forEach(d -> out.add(d.table()));
        filters.forEach(f -> out.add(f.table()));
        if (timeGroup != null) {
            out.add(timeGroup.table());
        }
        if (period != null) {
            out.add(period.table());
        }
        if (measure.table() != null) {
            out.add(measure.table());
        }
        return out;
    }
}
