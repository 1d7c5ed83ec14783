package com.capidemo.chat;

import java.util.List;
import java.util.Set;

/**
 * A business measure learned from a golden query, e.g. gross_revenue = round(sum(orders.total_price), 2) over orders
 * that are not cancelled. {@code expression} and {@code filters} reference columns as {@code {table}.column} so the
 * planner can place them under its own table aliases.
 *
 * @param name        the golden query's alias (gross_revenue)
 * @param base        the table whose rows the measure aggregates
 * @param expression  aggregate SQL with {table} placeholders
 * @param filters     conditions that belong to the definition (cancelled_at IS NULL), with {table} placeholders
 * @param tables      every table the expression and filters need (reachable from base through foreign keys)
 * @param columns     table.column of every column the expression and filters read
 * @param filterColumns table.column of the columns the filters constrain
 * @param timeTable   table of the date the golden queries filter or group this measure by (null: a snapshot)
 * @param timeColumn  that date column
 * @param percent     the value is a percentage
 * @param source      the golden question it was learned from
 */
public record Metric(
        String name,
        List<String> stems,
        String base,
        String expression,
        List<String> filters,
        Set<String> tables,
        Set<String> columns,
        Set<String> filterColumns,
        String timeTable,
        String timeColumn,
        boolean percent,
        String source) {

    /**
     * A measure over one table's records (the instruction's definitions): that table is its only one, and one of its
     * dates, if any, places it in time.
     */
    static Metric ofTable(
            String name,
            List<String> stems,
            String table,
            String expression,
            List<String> filters,
            Set<String> columns,
            Set<String> filterColumns,
            String date,
            boolean percent) {
        return new Metric(
                name,
                List.copyOf(stems),
                table,
                expression,
                filters,
                Set.of(table),
                Set.copyOf(columns),
                Set.copyOf(filterColumns),
                date == null ? null : table,
                date,
                percent,
                null);
    }

    /** Human label: gross_revenue → "gross revenue". */
    public String label() {
        return name.replace('_', ' ');
    }

    /** Identity of the definition (two goldens defining the same alias differently make it ambiguous). */
    String definition() {
        return base + "|" + expression + "|"
                + String.join(" AND ", filters.stream().sorted().toList());
    }
}
