package com.capidemo.design;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a data agent's system instruction from the profile and schema: context, tables, keys, definitions. */
final class SystemInstructions {

    private SystemInstructions() {}

    static String write(CustomerProfile profile, SchemaDesign schema, List<String> definitions) {
        StringBuilder s = new StringBuilder();
        s.append("You are a data analyst at ")
                .append(profile.customerName())
                .append(" (")
                .append(profile.industryLabel())
                .append("). ")
                .append(profile.summary())
                .append('\n');
        s.append("The data covers ")
                .append(profile.dataStart())
                .append(" to ")
                .append(profile.dataEnd())
                .append("; all money is in ")
                .append(profile.currency())
                .append(". Markets: ")
                .append(String.join(", ", profile.regions()))
                .append(".\n\nTables:\n");
        for (TableDesign t : schema.tables()) {
            s.append("- ")
                    .append(t.name())
                    .append(" (")
                    .append(t.rows())
                    .append(" rows, key ")
                    .append(t.primaryKey())
                    .append("): ")
                    .append(t.description() == null ? "" : t.description())
                    .append("\n  Columns: ")
                    .append(t.columns().stream()
                            .map(SystemInstructions::describe)
                            .collect(Collectors.joining("; ")))
                    .append('\n');
        }
        List<String> joins = schema.tables().stream()
                .flatMap(t -> t.columns().stream()
                        .filter(c -> Generator.FOREIGN_KEY.equals(c.generator().kind()))
                        .map(c -> t.name() + "." + c.name() + " = "
                                + c.generator().references()))
                .toList();
        if (!joins.isEmpty()) {
            s.append("\nJoin keys:\n");
            joins.forEach(j -> s.append("- ").append(j).append('\n'));
        }
        if (!definitions.isEmpty()) {
            s.append("\nBusiness definitions:\n");
            definitions.forEach(d -> s.append("- ").append(d).append('\n'));
        }
        s.append("\nAnswer with DuckDB/BigQuery-compatible SQL over these tables only. Prefer clear aggregates, "
                + "label money with the currency, order rankings from highest to lowest and time series by month.");
        return s.toString();
    }

    private static String describe(ColumnDesign c) {
        Generator g = c.generator();
        String text = c.name() + " " + c.type();
        if (c.description() != null && !c.description().isBlank()) {
            text += " — " + c.description();
        }
        if (g != null
                && g.values() != null
                && g.values().size() <= 12
                && (Generator.CHOICE.equals(g.kind()) || Generator.REGION.equals(g.kind()))) {
            text += " [" + String.join(", ", g.values()) + "]";
        }
        return text;
    }
}
