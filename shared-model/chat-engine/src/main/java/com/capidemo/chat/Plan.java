package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A structured query the planner understood: one measure over a base table, optional groupings (columns, entities or
 * a time grain), filters, a period, ordering and a row limit. It is stored with each conversation turn so that a
 * follow-up ("and by month?", "only for 2024", "top 5 instead") can refine it.
 *
 * @param numerator  for a percent measure: the conditions the counted rows meet (of all rows that pass the filters)
 * @param firstEvent when set, the base's records are counted by the date of their first child record
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
        boolean share,
        List<Cond> numerator,
        FirstEvent firstEvent) {

    public Plan {
        dims = dims == null ? List.of() : List.copyOf(dims);
        filters = filters == null ? List.of() : List.copyOf(filters);
        numerator = numerator == null ? List.of() : List.copyOf(numerator);
    }

    public Plan(
            String base,
            Measure measure,
            List<Dim> dims,
            TimeGroup timeGroup,
            List<Cond> filters,
            Period period,
            Integer limit,
            boolean ascending,
            boolean share) {
        this(base, measure, dims, timeGroup, filters, period, limit, ascending, share, List.of(), null);
    }

    /**
     * What is measured. kind: count (rows of base), count_distinct (of table.column), sum, avg, min, max, median
     * (of table.column), metric (a learned measure, by name) or percent (rows meeting the plan's numerator, as a
     * percentage of all rows). An avg or median with a start column is a duration: from startTable.startColumn to
     * table.column, in {@code unit} (minute, hour, day, week, month, year). per_entity: rows of table for each record of
     * the parent table {@code unit} (all of them); per_active_entity: for each parent that has such rows (table.column
     * is the child's key referencing the parent).
     */
    public record Measure(
            String kind,
            String table,
            String column,
            String metric,
            String startTable,
            String startColumn,
            String unit) {

        public Measure(String kind, String table, String column, String metric) {
            this(kind, table, column, metric, null, null, null);
        }

        boolean duration() {
            return startColumn != null;
        }
    }

    /**
     * Records of an entity table defined by their children ("customers with more than 3 orders", "products never
     * reviewed"): the child table, its key column referencing the entity, conditions on the child's own columns and
     * either a count comparison (gt, ge, lt, le, eq with {@code count}), exists or absent.
     */
    public record Segment(String child, String childKey, String op, Double count, List<Cond> childFilters) {
        public Segment {
            childFilters = childFilters == null ? List.of() : List.copyOf(childFilters);
        }
    }

    /** Each entity's first child record: the child table, its key referencing the entity and the date it is placed by. */
    public record FirstEvent(String child, String childKey, String dateColumn) {}

    /** A grouping by a column, or by an entity (table) shown by its label column and keyed by its primary key. */
    public record Dim(String table, String column, boolean entity) {}

    /** A time grouping: day, week, month, quarter or year of table.column. */
    public record TimeGroup(String grain, String table, String column) {}

    /**
     * A filter on table.column. op: in, not_in (values), is_null, not_null, is_true, is_false, a comparison (gt, ge,
     * lt, le) with one number, or segment (table.column is the entity's key, {@code segment} says which records).
     */
    public record Cond(String table, String column, String op, List<String> values, Double number, Segment segment) {
        public Cond {
            values = values == null ? List.of() : List.copyOf(values);
        }

        public Cond(String table, String column, String op, List<String> values, Double number) {
            this(table, column, op, values, number, null);
        }
    }

    /** A half-open period [from, to) on table.column; ISO dates, either may be null. */
    public record Period(String from, String to, String label, String table, String column) {}

    Plan withDims(List<Dim> d) {
        return new Plan(base, measure, d, timeGroup, filters, period, limit, ascending, share, numerator, firstEvent);
    }

    Plan withTimeGroup(TimeGroup g) {
        return new Plan(base, measure, dims, g, filters, period, limit, ascending, share, numerator, firstEvent);
    }

    Plan withPeriod(Period p) {
        return new Plan(base, measure, dims, timeGroup, filters, p, limit, ascending, share, numerator, firstEvent);
    }

    Plan withLimit(Integer n, boolean asc) {
        return new Plan(base, measure, dims, timeGroup, filters, period, n, asc, share, numerator, firstEvent);
    }

    Plan withFilters(List<Cond> f) {
        return new Plan(base, measure, dims, timeGroup, f, period, limit, ascending, share, numerator, firstEvent);
    }

    Plan withShare(boolean s) {
        return new Plan(base, measure, dims, timeGroup, filters, period, limit, ascending, s, numerator, firstEvent);
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
        if (measure.startTable() != null) {
            out.add(measure.startTable());
        }
        numerator.forEach(f -> out.add(f.table()));
        return out;
    }
}
