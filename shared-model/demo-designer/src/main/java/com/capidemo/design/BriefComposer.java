package com.capidemo.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Composes, for a use case that no industry knowledge serves, an activity table named with the brief's own words
 * (for example "appointment no-shows" gives a table {@code appointment_no_shows}) and questions that answer it. The
 * table hangs off the generic building blocks (customers, locations, staff, products) by foreign keys, so the demo
 * speaks the prospect's words while every key and golden query stays valid.
 */
final class BriefComposer {

    /** Words that name a measurement of a thing rather than the thing itself. */
    private static final Set<String> METRIC_WORDS = Set.of(
            "rate",
            "rates",
            "ratio",
            "performance",
            "analysis",
            "tracking",
            "management",
            "optimization",
            "optimisation",
            "reduction",
            "improvement",
            "insights",
            "insight",
            "trends",
            "trend",
            "kpi",
            "kpis",
            "reporting",
            "report",
            "reports",
            "monitoring",
            "forecasting",
            "forecast",
            "visibility",
            "efficiency",
            "effectiveness",
            "metrics",
            "dashboard",
            "overview",
            "growth",
            "benchmarking",
            "planning",
            "strategy",
            "quality",
            "compliance",
            "utilization",
            "utilisation");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The generic building block for a business's sites, renamed after the brief's own noun where it names one. */
    static final String SITES = "locations";

    /** Plural words at the end of an industry that name what is sold or who is served, not where business is done. */
    private static final Set<String> NOT_SITES = Set.of(
            "services",
            "products",
            "solutions",
            "goods",
            "supplies",
            "sales",
            "customers",
            "clients",
            "orders",
            "employees",
            "invoices",
            "systems",
            "tools",
            "parts",
            "materials",
            "things",
            "items",
            "events",
            "providers",
            "operators",
            "companies",
            "businesses",
            "brands",
            "platforms",
            "apps",
            "sports",
            "games",
            "arts",
            "analytics",
            "logistics",
            "electronics",
            "cosmetics",
            "textiles",
            "pharmaceuticals",
            "chemicals");

    private BriefComposer() {}

    /**
     * The noun a brief's industry names its sites by, as a table name: the last word of "veterinary clinics", "ski
     * resorts", "breweries" or "wind farms" when it is a plural noun of a place of business; else empty.
     */
    static Optional<String> siteTable(String industry) {
        List<String> words = Text.keywords(industry == null ? "" : industry, 10);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String last = words.get(words.size() - 1);
        String singular = singular(last);
        if (!last.chars().allMatch(Character::isLetter)
                || last.equals(singular)
                || singular.length() < 3
                || NOT_SITES.contains(last)) {
            return Optional.empty();
        }
        return Optional.of(last);
    }

    /**
     * The generic knowledge with its sites table ({@value #SITES}) named after the brief's noun ("clinics",
     * "resorts"): table, key, foreign keys and question wording alike, so the demo speaks the prospect's words. The
     * knowledge is returned unchanged when the brief names no site or the noun is already taken.
     */
    static IndustryKnowledge withSites(IndustryKnowledge generic, String industry) {
        Optional<String> site = siteTable(industry);
        if (site.isEmpty()
                || generic.table(SITES).isEmpty()
                || generic.table(site.get()).isPresent()) {
            return generic;
        }
        String plural = site.get();
        String singular = singular(plural);
        boolean taken = generic.tables().stream()
                .flatMap(t -> t.columns().stream())
                .anyMatch(c -> c.name().equals(singular + "_id") || c.name().equals(singular));
        if (taken) {
            return generic;
        }
        try {
            String text = YAML.writeValueAsString(generic)
                    .replaceAll("\\blocations\\b", plural)
                    .replaceAll("\\blocation_id\\b", singular + "_id")
                    .replaceAll("\\blocation_type\\b", singular + "_type")
                    .replaceAll("\\bLocations\\b", Character.toUpperCase(plural.charAt(0)) + plural.substring(1))
                    .replaceAll("\\blocation\\b", singular);
            return YAML.readValue(text, IndustryKnowledge.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot rename the generic sites to " + plural, e);
        }
    }

    /** The table a use case's own words name, or empty when the use case names only measurements. */
    static Optional<String> tableName(String useCase) {
        List<String> words = new ArrayList<>();
        for (String w : Text.keywords(useCase, 10)) {
            if (!METRIC_WORDS.contains(w) && w.chars().allMatch(Character::isLetter) && words.size() < 3) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String name = String.join("_", words);
        return Optional.of(name.endsWith("s") ? name : name + "s");
    }

    /**
     * An activity table for {@code useCase}: one row per event, linked to the generic building blocks that exist in
     * {@code available}, with a date, a category, a status, an amount and a flag named after the use case.
     */
    static TableDesign table(String name, String useCase, List<String> available, String sites, long rows) {
        String label = Text.humanize(name);
        String singular = singular(name);
        List<ColumnDesign> columns = new ArrayList<>();
        columns.add(column(singular + "_id", "INT64", "{kind: sequence}"));
        for (String parent : List.of("customers", sites, "employees", "products")) {
            if (available.contains(parent)) {
                String key = singular(parent) + "_id";
                columns.add(
                        column(key, "INT64", "{kind: foreign_key, references: " + parent + "." + key + ", skew: 1.3}"));
            }
        }
        columns.add(column(
                singular + "_date", "DATE", "{kind: date_range, start: '2024-01-01', end: '2025-12-31', skew: 0.9}"));
        columns.add(column(
                "category",
                "STRING",
                "{kind: choice, values: [standard, priority, follow_up, other], weights: [55, 20, 15, 10]}"));
        columns.add(column(
                "status", "STRING", "{kind: choice, values: [completed, pending, cancelled], weights: [78, 12, 10]}"));
        columns.add(column("amount", "FLOAT64", "{kind: decimal_range, min: 5, max: 900, skew: 2.2}"));
        columns.add(column("quantity", "INT64", "{kind: int_range, min: 1, max: 12, skew: 2.4}"));
        columns.add(column(flagName(name), "BOOL", "{kind: bool, probability: 0.18}"));
        return new TableDesign(
                name,
                "Composed from the brief for \"" + useCase + "\": one row per " + label
                        + " event, with its date, category, status, amount and whether it was flagged.",
                rows,
                singular + "_id",
                columns);
    }

    /** Golden question patterns that answer the composed use case from its table. */
    static List<QuestionPattern> questions(TableDesign table, String sites) {
        String t = table.name();
        String label = Text.humanize(t);
        String singular = singular(t);
        String flag = table.columns().get(table.columns().size() - 1).name();
        List<QuestionPattern> out = new ArrayList<>();
        out.add(QuestionPattern.of(
                "How many " + label + " were there each month?", "monthly", t, null, t + "." + singular + "_date"));
        out.add(new QuestionPattern(
                "What share of " + label + " were flagged, by category?",
                "rate_by",
                t,
                t + ".category",
                null,
                null,
                t + "." + flag,
                null,
                null,
                List.of()));
        out.add(QuestionPattern.of(
                "What is the total amount of " + label + " by status?",
                "total_by",
                t + ".amount",
                t + ".status",
                null));
        if (table.column(singular(sites) + "_id").isPresent()) {
            out.add(QuestionPattern.of(
                    "How many " + label + " were there by " + singular(sites).replace('_', ' ') + " region?",
                    "count_by",
                    t,
                    sites + ".region",
                    null));
        }
        return out;
    }

    private static String flagName(String table) {
        String singular = singular(table);
        return "is_flagged_" + singular;
    }

    static String singular(String name) {
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        if (name.endsWith("sses") || name.endsWith("xes") || name.endsWith("ches") || name.endsWith("shes")) {
            return name.substring(0, name.length() - 2);
        }
        return name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name;
    }

    private static ColumnDesign column(String name, String type, String generatorYaml) {
        try {
            return new ColumnDesign(
                    name.toLowerCase(Locale.ROOT), type, null, YAML.readValue(generatorYaml, Generator.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Invalid composed generator " + generatorYaml, e);
        }
    }
}
