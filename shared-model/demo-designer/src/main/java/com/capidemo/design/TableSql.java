package com.capidemo.design;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns one {@link TableDesign} into a deterministic DuckDB SELECT. Rows come from {@code range(rows)}; every
 * pseudo-random value is {@code hash(row, salt)} with a salt made of the demo seed and the column, so the same design
 * always yields the same rows and two columns never share their randomness. Columns are added in stages (one CTE
 * each) so derived and lookup columns can use the columns before them.
 */
final class TableSql {

    private static final long BUCKETS = 1_000_003L;

    private final SchemaDesign schema;
    private final TableDesign table;
    private final String seed;
    private final List<String> defaultCities;
    private final List<String> defaultRegions;
    private final List<String> ctes = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private String previous;

    private TableSql(SchemaDesign schema, TableDesign table, String seed, List<String> cities, List<String> regions) {
        this.schema = schema;
        this.table = table;
        this.seed = seed;
        this.defaultCities = cities.isEmpty() ? List.of("New York", "Chicago", "Los Angeles", "Houston") : cities;
        this.defaultRegions = regions.isEmpty() ? List.of("North", "South", "East", "West") : regions;
    }

    static String build(
            SchemaDesign schema, TableDesign table, String seed, List<String> cities, List<String> regions) {
        return new TableSql(schema, table, seed, cities, regions).sql();
    }

    private String sql() {
        previous = "s0";
        ctes.add("s0 AS (SELECT i AS _i FROM range(" + table.rows() + ") t(i))");
        for (ColumnDesign column : table.columns()) {
            Generator g = column.generator();
            switch (g.kind()) {
                case Generator.LOOKUP -> joinStage(column, lookupJoin(g), "j." + quote(g.referencedColumn()));
                case Generator.FOREIGN_KEY -> {
                    if (sequenceParent(g) != null) {
                        pending.add(
                                withNulls(column, cast(column, foreignKey(column, g))) + " AS " + quote(column.name()));
                    } else {
                        joinStage(column, fallbackForeignKeyJoin(column, g), "j._v");
                    }
                }
                case Generator.DERIVED, Generator.EMAIL -> {
                    flush();
                    pending.add(withNulls(column, cast(column, expression(column))) + " AS " + quote(column.name()));
                }
                default ->
                    pending.add(withNulls(column, cast(column, expression(column))) + " AS " + quote(column.name()));
            }
        }
        flush();
        String select = table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        return "WITH " + String.join(",\n", ctes) + "\nSELECT " + select + " FROM " + previous;
    }

    /** Closes the current stage so the next column can see every column before it. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String name = "s" + ctes.size();
        ctes.add(name + " AS (SELECT p.*, " + String.join(", ", pending) + " FROM " + previous + " p)");
        pending.clear();
        previous = name;
    }

    private void joinStage(ColumnDesign column, String join, String valueExpr) {
        flush();
        String name = "s" + ctes.size();
        ctes.add(name + " AS (SELECT p.*, " + withNulls(column, cast(column, valueExpr)) + " AS " + quote(column.name())
                + " FROM " + previous + " p " + join + ")");
        previous = name;
    }

    private String lookupJoin(Generator g) {
        ColumnDesign via = table.column(g.source()).orElseThrow();
        String key = via.generator().referencedColumn();
        return "LEFT JOIN " + quote(g.referencedTable()) + " j ON j." + quote(key) + " = p." + quote(via.name());
    }

    private String fallbackForeignKeyJoin(ColumnDesign column, Generator g) {
        long parentRows = parent(g).rows();
        String col = quote(g.referencedColumn());
        return "LEFT JOIN (SELECT row_number() OVER (ORDER BY " + col + ") - 1 AS _k, " + col + " AS _v FROM "
                + quote(g.referencedTable()) + ") j ON j._k = " + index(column, parentRows, g.skew());
    }

    private String foreignKey(ColumnDesign column, Generator g) {
        ColumnDesign parentKey = sequenceParent(g);
        long parentRows = parent(g).rows();
        return sequence(parentKey, index(column, parentRows, g.skew()));
    }

    /** The referenced column when it is a sequence, so a key can be computed instead of joined. */
    private ColumnDesign sequenceParent(Generator g) {
        return parent(g)
                .column(g.referencedColumn())
                .filter(c -> Generator.SEQUENCE.equals(c.generator().kind()))
                .orElse(null);
    }

    private TableDesign parent(Generator g) {
        return schema.table(g.referencedTable()).orElseThrow();
    }

    /** A 0-based index in [0, n): uniform, or skewed towards 0 when skew &gt; 1. */
    private String index(ColumnDesign column, long n, Double skew) {
        return "CAST(floor(" + n + " * " + skewed(uniform(column, "k"), skew) + ") AS BIGINT)";
    }

    private String expression(ColumnDesign column) {
        Generator g = column.generator();
        String u = uniform(column, "u");
        return switch (g.kind()) {
            case Generator.SEQUENCE -> sequence(column, "_i");
            case Generator.CHOICE -> choice(column, g.values(), g.weights(), u);
            case Generator.CITY -> choice(column, g.values() == null ? defaultCities : g.values(), g.weights(), u);
            case Generator.REGION -> ofCity(column, Markets.Place::region, defaultRegions);
            case Generator.COUNTRY -> ofCity(column, Markets.Place::country, defaultCountries());
            case Generator.INT_RANGE -> {
                long min = Math.round(orDefault(g.min(), 0));
                long max = Math.round(orDefault(g.max(), 100));
                yield min + " + floor(" + (max - min + 1) + " * " + skewed(u, g.skew()) + ")";
            }
            case Generator.DECIMAL_RANGE -> {
                double min = orDefault(g.min(), 0);
                double max = orDefault(g.max(), 100);
                yield "round(" + num(min) + " + " + num(max - min) + " * " + skewed(u, g.skew()) + ", "
                        + (g.scale() == null ? 2 : g.scale()) + ")";
            }
            case Generator.DATE_RANGE, Generator.TIMESTAMP_RANGE ->
                g.seasonality() == null ? range(g, skewed(u, g.skew())) : seasonal(column, g);
            case Generator.PERSON_NAME ->
                pick(NamePools.FIRST_NAMES, uniform(column, "f")) + " || ' ' || "
                        + pick(NamePools.LAST_NAMES, uniform(column, "l"));
            case Generator.FIRST_NAME -> pick(NamePools.FIRST_NAMES, u);
            case Generator.LAST_NAME -> pick(NamePools.LAST_NAMES, u);
            case Generator.COMPANY_NAME ->
                pick(NamePools.COMPANY_FIRST, uniform(column, "c1")) + " || ' ' || "
                        + pick(NamePools.COMPANY_SECOND, uniform(column, "c2")) + " || ' ' || "
                        + pick(NamePools.COMPANY_SUFFIX, uniform(column, "c3"));
            case Generator.EMAIL -> {
                String local = g.source() == null
                        ? "'user'"
                        : "trim(regexp_replace(lower(strip_accents(" + quote(g.source())
                                + ")), '[^a-z0-9]+', '.', 'g'), '.')";
                List<String> domains =
                        g.values() == null || g.values().isEmpty() ? NamePools.EMAIL_DOMAINS : g.values();
                yield local + " || '.' || CAST(_i + 1 AS VARCHAR) || '@' || " + pick(domains, u);
            }
            case Generator.BOOL -> u + " < " + num(orDefault(g.probability(), 0.5));
            case Generator.DERIVED ->
                "("
                        + g.expression()
                                .replace("{u}", u)
                                .replace("{u2}", uniform(column, "u2"))
                                .replace("{i}", "_i") + ")";
            default -> throw new IllegalArgumentException("Unsupported generator kind " + g.kind());
        };
    }

    /** A date or timestamp at fraction {@code f} (an expression in [0, 1)) of the way from start to end. */
    private static String range(Generator g, String f) {
        LocalDateTime start = SchemaRules.parseTime(g.start());
        LocalDateTime end = SchemaRules.parseTime(g.end());
        if (Generator.DATE_RANGE.equals(g.kind())) {
            long days = Duration.between(start, end).toDays();
            return "DATE '" + start.toLocalDate() + "' + CAST(floor(" + (days + 1) + " * " + f + ") AS INTEGER)";
        }
        long seconds = Duration.between(start, end).toSeconds();
        return "TIMESTAMP '" + start.toString().replace('T', ' ') + "' + to_seconds(CAST(floor(" + seconds + " * " + f
                + ") AS BIGINT))";
    }

    /**
     * A date or timestamp whose month is drawn by the monthly {@code seasonality} weights (times each month's share
     * of the range and of the skew's mass), then placed uniformly within that month.
     */
    private String seasonal(ColumnDesign column, Generator g) {
        LocalDateTime start = SchemaRules.parseTime(g.start());
        LocalDateTime end = SchemaRules.parseTime(g.end());
        boolean dates = Generator.DATE_RANGE.equals(g.kind());
        if (dates) {
            end = end.plusDays(1); // a date range includes its last day
        }
        double total = Duration.between(start, end).toSeconds();
        double skew = g.skew() == null ? 1.0 : g.skew();
        List<LocalDateTime[]> months = new ArrayList<>();
        List<Double> mass = new ArrayList<>();
        double sum = 0;
        for (LocalDateTime from = start; from.isBefore(end); ) {
            LocalDateTime next =
                    from.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            LocalDateTime to = next.isBefore(end) ? next : end;
            double a = Duration.between(start, from).toSeconds() / total;
            double b = Duration.between(start, to).toSeconds() / total;
            // the share of pow(u, skew) falling in [a, b) is b^(1/skew) - a^(1/skew)
            double m = (Math.pow(b, 1 / skew) - Math.pow(a, 1 / skew))
                    * g.seasonality().get(from.getMonthValue() - 1);
            months.add(new LocalDateTime[] {from, to});
            mass.add(m);
            sum += m;
            from = to;
        }
        String pick = uniform(column, "month");
        String within = uniform(column, "within");
        StringBuilder sql = new StringBuilder("CASE");
        double cumulative = 0;
        for (int k = 0; k < months.size(); k++) {
            cumulative += mass.get(k);
            LocalDateTime from = months.get(k)[0];
            long span = Duration.between(from, months.get(k)[1]).toSeconds();
            String value = dates
                    ? "DATE '" + from.toLocalDate() + "' + CAST(floor(" + (span / 86_400) + " * " + within
                            + ") AS INTEGER)"
                    : "TIMESTAMP '" + from.toString().replace('T', ' ') + "' + to_seconds(CAST(floor(" + span + " * "
                            + within + ") AS BIGINT))";
            if (k == months.size() - 1) {
                sql.append(" ELSE ").append(value);
            } else {
                sql.append(" WHEN ")
                        .append(pick)
                        .append(" < ")
                        .append(num(cumulative / sum))
                        .append(" THEN ")
                        .append(value);
            }
        }
        return sql.append(" END").toString();
    }

    /**
     * A region or country: in a table with a city column, the one the row's city lies in (the city expression is
     * recomputed, so column order does not matter); otherwise, or for a city no market knows, drawn from the values.
     */
    private String ofCity(ColumnDesign column, Function<Markets.Place, String> part, List<String> defaults) {
        Generator g = column.generator();
        String drawn = choice(column, g.values() == null ? defaults : g.values(), g.weights(), uniform(column, "u"));
        ColumnDesign city = table.columns().stream()
                .filter(c -> Generator.CITY.equals(c.generator().kind()))
                .min(Comparator.comparing((ColumnDesign c) -> !c.name().equals("city")))
                .orElse(null);
        if (city == null) {
            return drawn;
        }
        List<String> cities = city.generator().values() == null
                ? defaultCities
                : city.generator().values();
        StringBuilder sql = new StringBuilder("CASE " + expression(city));
        boolean any = false;
        for (String c : cities) {
            Optional<Markets.Place> place = Markets.place(c);
            if (place.isPresent()) {
                sql.append(" WHEN ").append(literal(c)).append(" THEN ").append(literal(part.apply(place.get())));
                any = true;
            }
        }
        return any ? sql.append(" ELSE ").append(drawn).append(" END").toString() : drawn;
    }

    /** The countries of the customer's cities, in order. */
    private List<String> defaultCountries() {
        List<String> countries = defaultCities.stream()
                .map(Markets::place)
                .flatMap(Optional::stream)
                .map(Markets.Place::country)
                .distinct()
                .toList();
        return countries.isEmpty() ? List.of("United States") : countries;
    }

    /** A sequence value for 0-based row {@code indexExpr}: a number, or prefix + zero-padded number for STRING. */
    private static String sequence(ColumnDesign column, String indexExpr) {
        long first = Math.round(orDefault(column.generator().min(), 1));
        String number = "(" + first + " + " + indexExpr + ")";
        if ("STRING".equals(column.type())) {
            String prefix = column.generator().prefix() == null
                    ? ""
                    : column.generator().prefix();
            return literal(prefix) + " || lpad(CAST(" + number + " AS VARCHAR), 6, '0')";
        }
        return "CAST(" + number + " AS BIGINT)";
    }

    /** Weighted choice as a CASE over the cumulative weights (values are equally likely without weights). */
    private static String choice(ColumnDesign column, List<String> values, List<Double> weights, String u) {
        if (values.size() == 1) {
            return typedLiteral(column.type(), values.get(0));
        }
        double total = 0;
        for (int k = 0; k < values.size(); k++) {
            total += weights == null ? 1 : weights.get(k);
        }
        StringBuilder sql = new StringBuilder("CASE");
        double cumulative = 0;
        for (int k = 0; k < values.size() - 1; k++) {
            cumulative += weights == null ? 1 : weights.get(k);
            sql.append(" WHEN ")
                    .append(u)
                    .append(" < ")
                    .append(num(cumulative / total))
                    .append(" THEN ")
                    .append(typedLiteral(column.type(), values.get(k)));
        }
        return sql.append(" ELSE ")
                .append(typedLiteral(column.type(), values.get(values.size() - 1)))
                .append(" END")
                .toString();
    }

    private static String pick(List<String> values, String u) {
        return "list_element([" + values.stream().map(TableSql::literal).collect(Collectors.joining(", ")) + "], 1 + "
                + "CAST(floor(" + values.size() + " * " + u + ") AS BIGINT))";
    }

    private String withNulls(ColumnDesign column, String sql) {
        Double p = column.generator().nullProbability();
        if (p == null || p <= 0) {
            return sql;
        }
        return "CASE WHEN " + uniform(column, "null") + " < " + num(p) + " THEN NULL ELSE " + sql + " END";
    }

    /** A uniform number in [0, 1) for this row, column and purpose. */
    private String uniform(ColumnDesign column, String purpose) {
        return "((hash(_i, " + literal(seed + "|" + table.name() + "." + column.name() + "|" + purpose) + ") % "
                + BUCKETS + ") / " + BUCKETS + ".0)";
    }

    private static String skewed(String u, Double skew) {
        return skew == null || skew == 1.0 ? u : "pow(" + u + ", " + num(skew) + ")";
    }

    static String cast(ColumnDesign column, String sql) {
        return "CAST(" + sql + " AS " + sqlType(column.type()) + ")";
    }

    static String sqlType(String type) {
        return switch (type) {
            case "STRING" -> "VARCHAR";
            case "INT64" -> "BIGINT";
            case "FLOAT64" -> "DOUBLE";
            case "BOOL" -> "BOOLEAN";
            case "DATE" -> "DATE";
            case "TIMESTAMP" -> "TIMESTAMP";
            default -> throw new IllegalArgumentException("Unknown column type " + type);
        };
    }

    private static String typedLiteral(String type, String value) {
        return switch (type) {
            case "INT64", "FLOAT64" -> num(Double.parseDouble(value));
            case "BOOL" -> Boolean.parseBoolean(value) ? "true" : "false";
            case "DATE" -> "DATE " + literal(value);
            case "TIMESTAMP" -> "TIMESTAMP " + literal(value);
            default -> literal(value);
        };
    }

    /** A SQL string literal of a designed value (never of user text); a control character is refused, not quoted. */
    static String literal(String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
            throw new IllegalArgumentException("a designed value contains control characters");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.10f", value).replaceAll("0+$", "");
    }

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
