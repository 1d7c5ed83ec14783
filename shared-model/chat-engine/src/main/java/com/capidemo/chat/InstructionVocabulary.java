package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the agent's system instruction into the lexicon, so no question needs a hand-written rule:
 * <ul>
 * <li>glosses of tables: "- fulfillments: shipments with carrier …" (shipments name fulfillments), "collections
 * (product categories)";</li>
 * <li>glosses of values: "pos (in-store, location_id set)" (in-store names 'pos');</li>
 * <li>definitions: "Repeat customer = customer with 2+ non-cancelled orders", "delinquent = late_30, late_60 or
 * late_90", "Active loans = status not in ('paid_off', 'charged_off')": the right side is planned like a question
 * ("how many customer with 2+ non-cancelled orders"); when that gives a plain count with conditions, the left side
 * becomes a name for those records.</li>
 * </ul>
 * Only words the lexicon does not know yet are added, so the instruction never overrides the schema's own names.
 */
final class InstructionVocabulary {

    private static final Pattern TABLE_LINE = Pattern.compile(
            "^\\s*-\\s*([a-z_]+)\\s*(?:\\([^()\\n]*\\))?\\s*:\\s*([A-Za-z][A-Za-z-]*)\\s+([a-z][a-z-]*)?",
            Pattern.MULTILINE);
    /** A table's line in the instruction: its name and the words its description starts with. */
    private static final Pattern LEADING_PHRASE = Pattern.compile(
            "^\\s*-\\s*([a-z_]+)\\s*(?:\\([^()\\n]*\\))?\\s*:\\s*([A-Za-z][A-Za-z ]{0,80})", Pattern.MULTILINE);
    /** "The fleet;": a description whose first clause is one noun after an article names the table by it. */
    private static final Set<String> ARTICLES = Words.set("the", "a", "an");

    private static final Set<String> LIST = Words.set("and", "or", "plus");

    private static final Pattern CLAUSE_END = Pattern.compile("\\s*[;:.]");
    /** A noun followed by "of" or "per" heads its phrase even when singular. */
    private static final Pattern HEAD_OF = Pattern.compile("\\s+(of|per)\\s");

    private static final Pattern PARENTHESIS = Pattern.compile("\\b([a-z_]+) \\(([^()]{2,60})\\)");
    private static final Pattern DEFINITION =
            Pattern.compile("^\\s*([A-Za-z][A-Za-z' -]{1,40}?)\\s*=\\s*(.+?)\\s*\\.?\\s*$");
    private static final Set<String> VAGUE = Words.set(
            "current", "one", "row", "rows", "each", "all", "per", "money", "data", "record", "records", "table",
            "list", "people", "thing", "things", "item", "items");
    /** A definition of "repeat" customers also names returning and recurring ones. */
    private static final List<List<String>> ALIKE = List.of(List.of("repeat", "return", "recur"));

    private InstructionVocabulary() {}

    /** Glosses of tables and values (before the planner exists: definitions need it). */
    static void glosses(SemanticModel model, String instruction) {
        if (instruction == null || instruction.isBlank()) {
            return;
        }
        Matcher line = TABLE_LINE.matcher(instruction);
        while (line.find()) {
            String table = line.group(1);
            if (model.schema.table(table).isEmpty()) {
                continue;
            }
            if (line.group(3) != null && LIST.contains(line.group(3))) {
                continue; // "crew_members: Pilots and flight attendants": the first noun names some rows, not all
            }
            List<String> phrase = new ArrayList<>();
            phrase.add(line.group(2));
            if (line.group(3) != null
                    && HEAD_OF.matcher(instruction)
                            .region(line.end(), instruction.length())
                            .lookingAt()) {
                phrase.set(0, line.group(3)); // "the catalogue of movies", "current stock per variant": the head noun
            } else if (line.group(3) != null
                    && ARTICLES.contains(line.group(2).toLowerCase(Locale.ROOT))
                    && CLAUSE_END
                            .matcher(instruction)
                            .region(line.end(), instruction.length())
                            .lookingAt()) {
                phrase.set(0, line.group(3)); // "aircraft: The fleet; seat capacity by …": the whole clause is a noun
            } else if (line.group(3) != null && line.group(3).endsWith("s")) {
                phrase.add(line.group(3));
            } else if (!line.group(2).endsWith("s")) {
                continue; // the gloss must start with a plural noun phrase: "shipments", "customer companies"
            }
            for (String w : phrase) {
                String lower = w.toLowerCase(Locale.ROOT);
                if (Words.STOP.contains(lower) || VAGUE.contains(lower) || lower.contains("-")) {
                    continue;
                }
                String stem = Words.stem(lower);
                if (unknown(model, List.of(stem))) {
                    model.entries.add(new SemanticModel.Entry(
                            SemanticModel.Kind.TABLE,
                            List.of(stem),
                            SemanticModel.Match.STEM,
                            table,
                            null,
                            null,
                            null,
                            true,
                            false));
                }
            }
        }
        Matcher lead = LEADING_PHRASE.matcher(instruction);
        while (lead.find()) {
            modifiers(model, lead.group(1), lead.group(2));
        }
        Matcher p = PARENTHESIS.matcher(instruction);
        while (p.find()) {
            String name = p.group(1);
            for (String part : p.group(2).split(",|\\bor\\b")) {
                String gloss = part.strip().toLowerCase(Locale.ROOT);
                if (gloss.isEmpty()
                        || gloss.contains("_")
                        || gloss.matches(".*[0-9'=].*")
                        || gloss.split("\\s+").length > 3) {
                    continue;
                }
                if (model.schema.table(name).isPresent()) {
                    List<String> stems = content(gloss);
                    Schema.Table t = model.schema.table(name).orElseThrow();
                    boolean columnList = t.columns().stream()
                            .anyMatch(c -> stems.stream()
                                    .anyMatch(s -> Words.nameStems(c.name()).contains(s)));
                    if (!stems.isEmpty() && !columnList && unknown(model, stems)) {
                        model.entries.add(new SemanticModel.Entry(
                                SemanticModel.Kind.TABLE,
                                stems,
                                SemanticModel.Match.STEM,
                                name,
                                null,
                                null,
                                null,
                                false,
                                false));
                    }
                } else {
                    valueGloss(model, name, gloss);
                }
            }
        }
    }

    /**
     * The plain lower-case words a description starts with, up to the first stop word, participle or non-word
     * ("Net Promoter Score survey answers (0-10)" → net, promoter, score, survey, answers).
     */
    static List<String> leadingWords(String text) {
        List<String> run = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (!lower.matches("[a-z]+")
                    || Words.STOP.contains(lower)
                    || lower.endsWith("ed")
                    || lower.endsWith("ing")) {
                break;
            }
            run.add(lower);
        }
        return run;
    }

    /**
     * "guests: Harborline Rewards loyalty members with …": the noun phrase a table's description starts with says what
     * every row is, so each of its modifiers said with its plural head ("rewards members", "loyalty members") names the
     * whole table, not a subset of it.
     */
    private static void modifiers(SemanticModel model, String table, String text) {
        if (model.schema.table(table).isEmpty()) {
            return;
        }
        List<String> run = leadingWords(text);
        if (run.size() < 2 || !run.get(run.size() - 1).endsWith("s") || VAGUE.contains(run.get(run.size() - 1))) {
            return;
        }
        String head = Words.stem(run.get(run.size() - 1));
        if (model.schema.table(table).orElseThrow().columns().stream()
                .anyMatch(c -> Words.nameStems(c.name()).contains(head))) {
            return; // "product_reviews: star ratings (1-5) …" names a column of every row, not the rows
        }
        for (String m : run.subList(0, run.size() - 1)) {
            if (VAGUE.contains(m)) {
                continue;
            }
            List<String> words = List.of(Words.stem(m), head);
            if (unknown(model, words)) {
                model.entries.add(new SemanticModel.Entry(
                        SemanticModel.Kind.TABLE,
                        words,
                        SemanticModel.Match.STEM,
                        table,
                        null,
                        null,
                        null,
                        false,
                        false));
            }
        }
    }

    /** "pos (in-store)": the gloss is another name of the value of the one column that holds it. */
    private static void valueGloss(SemanticModel model, String value, String gloss) {
        Schema.Column holder = null;
        for (Schema.Table t : model.schema.tables().values()) {
            for (Schema.Column c : t.columns()) {
                if (c.values().contains(value)) {
                    if (holder != null) {
                        return;
                    }
                    holder = c;
                }
            }
        }
        List<String> words = Words.valueWords(gloss);
        if (holder == null || words.isEmpty() || !unknown(model, words)) {
            return;
        }
        model.entries.add(new SemanticModel.Entry(
                SemanticModel.Kind.VALUE,
                words,
                SemanticModel.Match.SURFACE,
                holder.table(),
                holder.name(),
                value,
                null,
                false,
                false));
    }

    /** Definitions, planned by the planner over the lexicon built so far. */
    static void definitions(SemanticModel model, Planner planner, String instruction) {
        if (instruction == null || instruction.isBlank()) {
            return;
        }
        NamedRatios.learn(model, planner, instruction);
        for (String raw : instruction.split("\\n|;|\\.\\s+")) {
            Matcher d = DEFINITION.matcher(raw.replaceFirst("^\\s*-\\s*", ""));
            if (d.matches() && d.group(2).contains("/")) {
                ratio(model, planner, d.group(1), d.group(2));
                continue;
            }
            if (d.matches()) {
                ExcludedFlags.learn(model, planner, d.group(2));
                DefinedSums.learn(model, planner, d.group(1), d.group(2));
            }
            if (!d.matches() || d.group(2).matches("(?i).*\\b(sum|avg|count|min|max)\\s*\\(.*")) {
                continue;
            }
            String rhs = d.group(2).replaceAll("[()']", " ");
            // "Active loans = status not in (…)": the records the left side names are the ones the conditions apply to
            String subject = model.schema.tables().keySet().stream()
                    .filter(t -> content(d.group(1).toLowerCase(Locale.ROOT)).containsAll(Words.nameStems(t)))
                    .findFirst()
                    .orElse(null);
            boolean startsWithTable = !content(rhs.toLowerCase(Locale.ROOT)).isEmpty()
                    && model.schema.tables().keySet().stream()
                            .anyMatch(t -> Words.nameStems(t)
                                    .get(0)
                                    .equals(content(rhs.toLowerCase(Locale.ROOT))
                                            .get(0)));
            Planner.Outcome o = planner.planDefinition(
                    "How many " + (subject != null && !startsWithTable ? subject + " where " : "") + rhs);
            if (!(o instanceof Planner.Planned planned)) {
                continue;
            }
            Plan plan = planned.plan();
            if (!"count".equals(plan.measure().kind())
                    || plan.filters().isEmpty()
                    || !plan.dims().isEmpty()
                    || plan.timeGroup() != null
                    || plan.period() != null
                    || plan.limit() != null
                    || plan.firstEvent() != null
                    || plan.filters().stream().anyMatch(f -> !f.table().equals(plan.base()) && f.segment() == null)) {
                continue;
            }
            List<String> words = content(d.group(1).toLowerCase(Locale.ROOT));
            List<String> tableWords = Words.nameStems(plan.base());
            List<String> own =
                    words.stream().filter(w -> !tableWords.contains(w)).toList();
            if (own.isEmpty()) {
                continue;
            }
            List<String> named = words.stream().anyMatch(tableWords::contains) ? words : own;
            for (List<String> alike : alikes(named)) {
                // a learned measure of the same name (active_loans) counts these records; the definition names them
                if (model.entries.stream()
                        .noneMatch(e -> e.words().equals(alike)
                                && e.kind() != SemanticModel.Kind.METRIC
                                && !(e.kind() == SemanticModel.Kind.COLUMN && e.partial()))) {
                    model.entries.add(new SemanticModel.Entry(
                            SemanticModel.Kind.TABLE,
                            alike,
                            SemanticModel.Match.STEM,
                            plan.base(),
                            null,
                            null,
                            null,
                            false,
                            false,
                            false,
                            0,
                            plan.filters()));
                }
            }
        }
    }

    private static final Pattern FROM_TABLE = Pattern.compile("^(.*?)\\s+from\\s+([a-z_]+)$");
    private static final Pattern TERM = Pattern.compile("^(?:sum\\()?\\s*(?:([a-z_]+)\\.)?([a-z_]+)\\s*\\)?$");

    /**
     * A ratio the instruction defines ("Collection rate = paid_amount / allowed_amount", "Occupancy =
     * sum(rooms_sold) / sum(rooms_available) from daily_performance", "Scrap rate = scrap_qty / (good_qty +
     * scrap_qty)", "delinquency rate = delinquent active loans / active loans") becomes a measure of that name, when
     * nothing else in the lexicon is called so: sums of columns of one table, or a count of the records the numerator
     * names among those the denominator names. A ratio of two sums of the same kind (amount / amount, rooms / rooms)
     * or whose denominator holds the numerator is a percentage.
     */
    private static void ratio(SemanticModel model, Planner planner, String lhs, String rhs) {
        List<String> stems = content(lhs.toLowerCase(Locale.ROOT));
        if (!stems.isEmpty() && !unknown(model, stems) && rhs.indexOf('/') == rhs.lastIndexOf('/')) {
            NamedRatios.redefine(model, planner, lhs, stems, rhs);
        }
        if (stems.isEmpty() || !unknown(model, stems) || rhs.indexOf('/') != rhs.lastIndexOf('/')) {
            return;
        }
        String text = rhs.strip();
        String hint = null;
        Matcher from = FROM_TABLE.matcher(text);
        if (from.matches()) {
            text = from.group(1);
            hint = from.group(2);
        }
        String[] sides = text.split("/");
        Metric m = columnRatio(model, lhs, stems, sides[0], sides[1], hint);
        if (m == null && hint == null) {
            m = countRatio(model, planner, lhs, stems, sides[0], sides[1]);
        }
        if (m != null) {
            model.metrics.add(m);
            model.entries.add(new SemanticModel.Entry(
                    SemanticModel.Kind.METRIC, stems, SemanticModel.Match.STEM, m.base(), null, null, m, false, false));
        }
    }

    private static Metric columnRatio(
            SemanticModel model, String lhs, List<String> stems, String num, String den, String hint) {
        List<Schema.Column> top = terms(model, num.strip(), hint);
        String d = den.strip();
        if (d.startsWith("(") && d.endsWith(")")) {
            d = d.substring(1, d.length() - 1);
        }
        List<Schema.Column> bottom = terms(model, d, hint);
        if (top == null || bottom == null || top.size() != 1) {
            return null;
        }
        String table = top.get(0).table();
        if (bottom.stream().anyMatch(c -> !c.table().equals(table))) {
            return null;
        }
        Schema.Column n = top.get(0);
        boolean percent = bottom.contains(n)
                || bottom.size() == 1
                        && Words.nameStems(n.name()).stream()
                                .anyMatch(Words.nameStems(bottom.get(0).name())::contains);
        String denominator = String.join(
                " + ", bottom.stream().map(c -> "{" + table + "}." + c.name()).toList());
        String expression = "round(" + (percent ? "100.0 * " : "") + "sum({" + table + "}." + n.name() + ") / sum("
                + denominator + "), 2)";
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        columns.add(table + "." + n.name());
        bottom.forEach(c -> columns.add(table + "." + c.name()));
        String date = model.defaultDate.get(table);
        return Metric.ofTable(name(lhs), stems, table, expression, List.of(), columns, Set.of(), date, percent);
    }

    /** "sum(rooms_sold)", "good_qty + scrap_qty", "outages.customer_minutes_interrupted": numeric columns, or null. */
    private static List<Schema.Column> terms(SemanticModel model, String side, String hint) {
        List<Schema.Column> out = new ArrayList<>();
        for (String part : side.split("\\+")) {
            Matcher t = TERM.matcher(part.strip());
            if (!t.matches()) {
                return null;
            }
            String table = t.group(1) != null ? t.group(1) : hint;
            List<Schema.Column> found = new ArrayList<>();
            for (Schema.Table tb : model.schema.tables().values()) {
                if (table != null && !tb.name().equals(table)) {
                    continue;
                }
                tb.columns().stream()
                        .filter(c -> c.name().equals(t.group(2)) && c.numeric())
                        .forEach(found::add);
            }
            if (found.size() != 1) {
                return null;
            }
            out.add(found.get(0));
        }
        return out;
    }

    static Metric countRatio(
            SemanticModel model, Planner planner, String lhs, List<String> stems, String num, String den) {
        Plan top = countPlan(model, planner, num);
        Plan bottom = countPlan(model, planner, den);
        if (top == null || bottom == null || !top.base().equals(bottom.base())) {
            return null;
        }
        String base = top.base();
        List<String> whole = conditions(model, bottom);
        List<String> same = whole.stream().map(c -> c.replaceAll("\\s+", "")).toList();
        List<String> counted = conditions(model, top).stream()
                .filter(c -> !same.contains(c.replaceAll("\\s+", "")))
                .toList();
        if (counted.isEmpty()) {
            return null;
        }
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        java.util.Set<String> filterColumns = new java.util.LinkedHashSet<>();
        for (Schema.Column c : model.schema.table(base).orElseThrow().columns()) {
            String ref = "{" + base + "}." + c.name();
            if (counted.stream().anyMatch(x -> x.contains(ref))) {
                columns.add(base + "." + c.name());
            }
            if (whole.stream().anyMatch(x -> x.contains(ref))) {
                columns.add(base + "." + c.name());
                filterColumns.add(base + "." + c.name());
            }
        }
        String date = model.defaultDate.get(base);
        return Metric.ofTable(
                name(lhs),
                stems,
                base,
                "round(100.0 * count(*) FILTER (WHERE " + String.join(" AND ", counted) + ") / count(*), 2)",
                whole,
                columns,
                filterColumns,
                date,
                true);
    }

    /**
     * A plain count of one table's records ("delinquent active loans"), or a learned measure that counts them ("active
     * loans"), with conditions on that table only; null otherwise.
     */
    static Plan countPlan(SemanticModel model, Planner planner, String side) {
        String words = side.replaceAll("[()']", " ").strip();
        if (words.isEmpty()
                || words.contains(",")
                || words.contains("=")
                || words.contains("<")
                || words.contains(">")) {
            return null;
        }
        if (!(planner.planDefinition("How many " + words) instanceof Planner.Planned planned)) {
            return null;
        }
        Plan plan = planned.plan();
        Metric metric = metric(model, plan);
        boolean counts = "count".equals(plan.measure().kind())
                || metric != null
                        && metric.expression().equals("count(*)")
                        && metric.tables().equals(Set.of(plan.base()));
        if (!counts
                || !plan.dims().isEmpty()
                || plan.timeGroup() != null
                || plan.period() != null
                || plan.limit() != null
                || plan.firstEvent() != null
                || plan.filters().stream()
                        .anyMatch(c -> c.segment() != null || !c.table().equals(plan.base()))) {
            return null;
        }
        return plan;
    }

    private static Metric metric(SemanticModel model, Plan plan) {
        return "metric".equals(plan.measure().kind())
                ? model.metrics.stream()
                        .filter(m -> m.name().equals(plan.measure().metric()))
                        .findFirst()
                        .orElse(null)
                : null;
    }

    /** The conditions of a count, with {table} placeholders: its own and those of the learned measure it uses. */
    static List<String> conditions(SemanticModel model, Plan plan) {
        java.util.Map<String, String> alias = java.util.Map.of(plan.base(), "{" + plan.base() + "}");
        List<String> out = new ArrayList<>();
        Metric metric = metric(model, plan);
        if (metric != null) {
            out.addAll(metric.filters());
        }
        plan.filters().forEach(c -> out.add(SqlWriter.condition(c, alias, model.schema)));
        return out;
    }

    static String name(String lhs) {
        return String.join("_", lhs.toLowerCase(Locale.ROOT).strip().split("[^a-z0-9]+"));
    }

    private static List<List<String>> alikes(List<String> words) {
        List<List<String>> out = new ArrayList<>();
        out.add(words);
        for (List<String> group : ALIKE) {
            for (String w : group) {
                if (words.contains(group.get(0)) && !w.equals(group.get(0))) {
                    out.add(words.stream()
                            .map(x -> x.equals(group.get(0)) ? w : x)
                            .toList());
                }
            }
        }
        return out;
    }

    private static List<String> content(String text) {
        List<String> out = new ArrayList<>();
        for (Words.Token t : Words.tokenize(text)) {
            if (t.kind() == Words.Kind.WORD && !Words.STOP.contains(t.text()) && !VAGUE.contains(t.text())) {
                out.add(t.stem());
            }
        }
        return out;
    }

    /** No table, measure, value or full column name of the lexicon is already said with these words. */
    private static boolean unknown(SemanticModel model, List<String> words) {
        return model.entries.stream()
                .noneMatch(e -> e.words().equals(words) && !(e.kind() == SemanticModel.Kind.COLUMN && e.partial()));
    }
}
