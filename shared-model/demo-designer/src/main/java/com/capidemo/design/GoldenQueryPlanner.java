package com.capidemo.design;

import com.capidemo.core.domain.GoldenQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a demo's golden questions: the knowledge base's hand-written patterns for the selected use cases first,
 * then patterns derived from the schema itself (counts, totals by category, monthly series, rankings over foreign
 * keys), keeping a mix of simple, moderate and complex questions and skipping rejected ones.
 */
final class GoldenQueryPlanner {

    private GoldenQueryPlanner() {}

    static List<GoldenQuery> plan(
            SchemaDesign schema,
            List<QuestionPattern> preferred,
            List<QuestionPattern> others,
            List<String> focusTables,
            int count,
            Set<String> exclude) {
        SchemaGraph graph = new SchemaGraph(schema);
        List<QuestionPattern> ordered = new ArrayList<>(preferred);
        List<QuestionPattern> derived = derivedPatterns(graph);
        // Schema-derived questions about the use cases' tables outrank hand-written ones for other use cases.
        derived.stream().filter(p -> focusTables.contains(baseTable(p))).forEach(ordered::add);
        ordered.addAll(others);
        derived.stream().filter(p -> !focusTables.contains(baseTable(p))).forEach(ordered::add);

        Set<String> rejected = new HashSet<>();
        exclude.forEach(q -> rejected.add(key(q)));
        List<GoldenQuery> candidates = new ArrayList<>();
        Set<String> seenSql = new HashSet<>();
        for (QuestionPattern p : ordered) {
            Optional<GoldenQuery> q = QuestionSql.compile(p, graph);
            if (q.isPresent()
                    && !rejected.contains(key(q.get().question()))
                    && seenSql.add(q.get().sql())
                    && rejected.add(key(q.get().question()))) {
                candidates.add(q.get());
            }
        }
        return pickMix(candidates, count);
    }

    /** Takes candidates in order but caps any one complexity at ~40% first, then fills up with the rest. */
    private static List<GoldenQuery> pickMix(List<GoldenQuery> candidates, int count) {
        int cap = Math.max(1, (int) Math.ceil(count * 0.4));
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<GoldenQuery> chosen = new ArrayList<>();
        for (GoldenQuery q : candidates) {
            if (chosen.size() < count && taken.getOrDefault(q.complexity(), 0) < cap) {
                chosen.add(q);
                taken.merge(q.complexity(), 1, Integer::sum);
            }
        }
        for (GoldenQuery q : candidates) {
            if (chosen.size() < count && !chosen.contains(q)) {
                chosen.add(q);
            }
        }
        // Present simple questions first, as a Customer Engineer would walk through them.
        List<String> order = List.of("simple", "moderate", "complex");
        List<GoldenQuery> sorted = new ArrayList<>(chosen);
        sorted.sort(Comparator.comparingInt(q -> order.indexOf(q.complexity())));
        return sorted;
    }

    private static String key(String question) {
        return Text.normalize(question);
    }

    private static String baseTable(QuestionPattern p) {
        int dot = p.measure().indexOf('.');
        return dot < 0 ? p.measure() : p.measure().substring(0, dot);
    }

    /** Generic questions any schema supports, from its fact tables (those with foreign keys), largest first. */
    static List<QuestionPattern> derivedPatterns(SchemaGraph graph) {
        List<QuestionPattern> out = new ArrayList<>();
        List<TableDesign> facts = graph.schema().tables().stream()
                .filter(t -> !graph.parents(t.name()).isEmpty())
                .sorted(Comparator.comparingLong(TableDesign::rows).reversed().thenComparing(TableDesign::name))
                .limit(4)
                .toList();
        for (TableDesign fact : facts) {
            String f = fact.name();
            String label = Text.humanize(f);
            Optional<ColumnDesign> measure = fact.columns().stream()
                    .filter(GoldenQueryPlanner::isMeasure)
                    .max(Comparator.comparingInt(GoldenQueryPlanner::measureRank));
            Optional<ColumnDesign> category = fact.columns().stream()
                    .filter(GoldenQueryPlanner::isCategory)
                    .findFirst();
            Optional<ColumnDesign> date = fact.columns().stream()
                    .filter(c -> c.type().equals("DATE") || c.type().equals("TIMESTAMP"))
                    .findFirst();
            out.add(QuestionPattern.of("How many " + label + " are there in total?", "count", f, null, null));
            category.ifPresent(c -> out.add(QuestionPattern.of(
                    "How are " + label + " distributed by " + Text.humanize(c.name()) + "?",
                    "count_by",
                    f,
                    f + "." + c.name(),
                    null)));
            date.ifPresent(d -> out.add(QuestionPattern.of(
                    "How many " + label + " were there each month?", "monthly", f, null, f + "." + d.name())));
            if (measure.isEmpty()) {
                continue;
            }
            String m = f + "." + measure.get().name();
            String ml = Text.humanize(measure.get().name());
            String total = ml.contains("total") ? "combined " + ml : "total " + ml;
            out.add(QuestionPattern.of("What is the " + total + " across all " + label + "?", "total", m, null, null));
            out.add(QuestionPattern.of("What is the average " + ml + " of " + label + "?", "average", m, null, null));
            category.ifPresent(c -> out.add(QuestionPattern.of(
                    "What is the " + total + " by " + Text.humanize(c.name()) + "?",
                    "total_by",
                    m,
                    f + "." + c.name(),
                    null)));
            date.ifPresent(d -> {
                out.add(QuestionPattern.of(
                        "What is the " + total + " per month?", "monthly", m, null, f + "." + d.name()));
                out.add(QuestionPattern.of(
                        "How is the " + total + " growing month over month?", "growth", m, null, f + "." + d.name()));
            });
            for (SchemaGraph.Edge e : graph.parents(f)) {
                TableDesign parent = graph.schema().table(e.parent()).orElseThrow();
                String pl = Text.humanize(parent.name());
                parent.columns().stream()
                        .filter(GoldenQueryPlanner::isLabel)
                        .findFirst()
                        .ifPresent(l -> out.add(QuestionPattern.of(
                                "Which 10 " + pl + " have the highest " + total + "?",
                                "top_n",
                                m,
                                parent.name() + "." + l.name(),
                                null)));
                parent.columns().stream()
                        .filter(GoldenQueryPlanner::isCategory)
                        .findFirst()
                        .ifPresent(c -> {
                            String cl = Text.humanize(c.name());
                            out.add(QuestionPattern.of(
                                    "What share of the " + total + " comes from each " + singular(pl) + " " + cl + "?",
                                    "share_by",
                                    m,
                                    parent.name() + "." + c.name(),
                                    null));
                            out.add(QuestionPattern.of(
                                    "What is the average " + ml + " by " + singular(pl) + " " + cl + "?",
                                    "average_by",
                                    m,
                                    parent.name() + "." + c.name(),
                                    null));
                        });
            }
        }
        return out;
    }

    static boolean isMeasure(ColumnDesign c) {
        String kind = c.generator().kind();
        return c.type().equals("FLOAT64")
                && !c.name().endsWith("_id")
                && !Set.of(Generator.SEQUENCE, Generator.FOREIGN_KEY).contains(kind)
                && !c.name().contains("lat")
                && !c.name().contains("lon");
    }

    /** Totals and amounts make better questions than prices copied from a parent (a stable max picks the first). */
    private static int measureRank(ColumnDesign c) {
        int rank = c.name().matches(".*(total|amount|revenue|spend|value|paid|premium|charge|sales).*") ? 4 : 0;
        return rank
                + switch (c.generator().kind()) {
                    case Generator.DERIVED -> 2;
                    case Generator.LOOKUP -> -2;
                    default -> 0;
                };
    }

    static boolean isCategory(ColumnDesign c) {
        String kind = c.generator().kind();
        return c.type().equals("STRING")
                && (kind.equals(Generator.CHOICE)
                        || kind.equals(Generator.REGION)
                        || kind.equals(Generator.COUNTRY)
                        || kind.equals(Generator.CITY));
    }

    static boolean isLabel(ColumnDesign c) {
        String kind = c.generator().kind();
        return c.type().equals("STRING")
                && (kind.equals(Generator.PERSON_NAME)
                        || kind.equals(Generator.COMPANY_NAME)
                        || c.name().endsWith("name")
                        || c.name().equals("title"));
    }

    private static String singular(String words) {
        String w = words.toLowerCase(Locale.ROOT);
        if (w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ses") || w.endsWith("xes")) {
            return w.substring(0, w.length() - 2);
        }
        return w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    }
}
