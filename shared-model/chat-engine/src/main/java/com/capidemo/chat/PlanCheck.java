package com.capidemo.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last stage: compares the finished plan with the question and declines on a mismatch that would otherwise be
 * answered with a confident wrong number.
 * <ul>
 * <li>"Which X has the most Y", "what X …": a ranking whose head names records or a category must name them in the
 * answer (a grouping by X), not report the largest Y alone;</li>
 * <li>a named rate, percentage or share is never answered with the average time between two dates;</li>
 * <li>several measures asked in one question ("how many …, how much … and what share …") are not answered with one;
 * </li>
 * <li>a grouping whose column is also narrowed to a single value would show one row for a question that asked for a
 * ranking or a breakdown;</li>
 * <li>a measure learned from a golden query whose question named a qualifier of its definition ("unplanned
 * downtime") applies only when the question names that qualifier too;</li>
 * <li>a value word that the system instruction also uses for every row of the table ("guests: loyalty members")
 * cannot tell the whole table from that one value;</li>
 * <li>a column named by part of its name, when the rest of the name is a value of the same table ("amount" for
 * charged_off_amount), would silently narrow the question to the records of that value;</li>
 * <li>a word read as a condition that is also part of the name of a table the question names ("delivery problems"
 * for delivery_exceptions) is that table's name, not a condition;</li>
 * <li>a count of records of a table the question never named (only one of its values) counts something else;</li>
 * <li>"how much …" is an amount or a quantity, never answered with a count of records; "how many …" never with a
 * sum of money;</li>
 * <li>a breakdown the question asks for ("by plan", "for each facility", "per region") that the plan does not
 * group by would answer one total for a question that asked for one figure per group;</li>
 * <li>a grouping column found through a generic word alone ("type", "category", "status" …) belongs to the table the
 * word before it names ("visit type" is a column of the visits, never the claims' insurance type): that table's column
 * of the same kind is used when it is reached from the measured records along foreign keys, else the question is
 * declined.</li>
 * <li>a verb that names another date of the records the plan places in time ("lines were churned each year",
 * churn_date, while the plan uses activation_date; "invoices were billed", billing_month beside invoice_date) would
 * count the records by the wrong event: declined;</li>
 * <li>a state said as a passive verb ("subscriptions were cancelled each year") of records that have several dates,
 * counted by a date the question did not name, would count them by when they began, not when they reached the
 * state: declined.</li>
 * </ul>
 */
final class PlanCheck implements PlanStage {

    private static final Set<String> RATE_WORDS =
            Words.set("rate", "rates", "percentage", "percent", "share", "proportion", "ratio", "fraction", "%");
    private static final Set<String> VERBS =
            Words.set("is", "was", "are", "were", "s", "does", "did", "do", "has", "have", "had", "will");

    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");
    private static final Pattern GLOSS = Pattern.compile("^\\s*-\\s*([a-z_]+)\\s*:\\s*(.+)$", Pattern.MULTILINE);

    /** How the decline of a learned measure whose qualifier the question lacks begins. */
    static final String QUALIFIED = "the golden queries define ";

    private final SemanticModel model;

    PlanCheck(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        boolean ranking = ctx.top() != null || ctx.has(Cues.SUPERLATIVE_DESC) || ctx.has(Cues.SUPERLATIVE_ASC);
        int which = Cues.headWord(draft.tokens);
        if (ranking && which >= 0 && draft.dims.isEmpty() && draft.timeGroup == null && draft.firstEvent == null) {
            int start = which + 1;
            while (start < draft.tokens.size() && draft.tokens.get(start).is("the", "a", "an")) {
                start++;
            }
            SemanticModel.Mention head = draft.at.get(start);
            boolean verb = start < draft.tokens.size()
                    && VERBS.contains(draft.tokens.get(start).text());
            if (!verb && head != null && head.first() == start && names(head)) {
                return Optional.of(
                        "it asks which " + draft.tokens.get(head.last()).text()
                                + " ranks first, and I could not rank them by that measure");
            }
            if (!verb
                    && head == null
                    && start < draft.tokens.size()
                    && !draft.tokens.get(start).isNumber()
                    && draft.tokens.get(which).is("which")) {
                return Optional.of("it asks which \"" + draft.tokens.get(start).text()
                        + "\" ranks first, and I could not tell what to rank");
            }
        }
        Optional<String> own = otherTablesState(draft);
        if (own.isPresent()) {
            return own; // a reading choice, for the instruction's definitions too
        }
        Optional<String> counted = CountOfRecords.check(model, draft)
                .or(() -> OwnRecordGrouping.check(model, draft))
                .or(() -> OnTimeQualifier.check(draft));
        if (counted.isPresent()) {
            return counted; // what is counted or grouped, for the instruction's definitions too
        }
        Optional<String> more = draft.definition
                ? Optional.<String>empty()
                : several(draft)
                        .or(() -> totalOfRate(draft))
                        .or(() -> totalOfPeriodRate(draft))
                        .or(() -> amountOfLabel(draft))
                        .or(() -> categoryForEntity(draft))
                        .or(() -> degenerateGrouping(draft))
                        .or(() -> qualifiedGenericColumn(draft))
                        .or(() -> qualifiedMetric(draft))
                        .or(() -> redefinedMetric(draft))
                        .or(() -> population(draft))
                        .or(() -> partialColumn(draft))
                        .or(() -> tableWord(draft))
                        .or(() -> unnamedCount(draft))
                        .or(() -> partlyNamedFlag(draft))
                        .or(() -> parentsForChildren(draft))
                        .or(() -> countForHowMuch(draft))
                        .or(() -> DefinedRateScope.check(model, draft))
                        .or(() -> moneyForHowMany(draft))
                        .or(() -> moneyWordForOtherColumn(draft))
                        .or(() -> commonAsExtreme(draft))
                        .or(() -> countForMostOfMass(draft))
                        .or(() -> actionAsValue(draft))
                        .or(() -> lostBreakdown(draft))
                        .or(() -> otherBreakdown(draft))
                        .or(() -> countForMoneyTotal(draft))
                        .or(() -> DefinedSums.apply(model, draft))
                        .or(() -> DefinedTerms.check(model, draft))
                        .or(() -> ExcludedFlags.check(model, draft))
                        .or(() -> widenedFilter(draft))
                        .or(() -> qualifiedDistribution(draft))
                        .or(() -> learnedPart(draft))
                        .or(() -> measureInTwoTables(draft))
                        .or(() -> verbByMeans(draft))
                        .or(() -> looseValue(draft))
                        .or(() -> otherEventDate(draft))
                        .or(() -> stateByOtherDate(draft))
                        .or(() -> percentForAmount(draft));
        if (more.isPresent()) {
            return more;
        }
        if (draft.measure != null && draft.measure.kind().equals("count") && draft.metric == null) {
            for (int i = 0; i < draft.tokens.size(); i++) {
                if (draft.tokens.get(i).is("rate", "rates", "ratio") && draft.at.get(i) == null) {
                    return Optional.of("it names a " + draft.tokens.get(i).text() + ", which is not a count of "
                            + draft.base.replace('_', ' '));
                }
            }
        }
        if (draft.measure != null && draft.measure.duration() && ctx.has(RATE_WORDS)) {
            String word = draft.tokens.stream()
                    .filter(t -> RATE_WORDS.contains(t.text()))
                    .findFirst()
                    .map(Words.Token::text)
                    .orElse("rate");
            return Optional.of("it names a " + word + ", which is not the time between two dates");
        }
        return Optional.empty();
    }

    /** Name parts and gloss words that say a column is itself a ratio of other figures, never an amount. */
    private static final Set<String> RATE_PARTS =
            Set.of("avg", "average", "mean", "rate", "ratio", "pct", "percent", "percentage", "share", "score");

    /**
     * A total of a column that is itself a rate, average or ratio (its name or the system instruction's gloss says so,
     * or the instruction defines it as a ratio of other figures: "ADR = room_revenue / rooms_sold") adds up figures
     * that do not add up.
     */
    private Optional<String> totalOfRate(PlanDraft draft) {
        Plan.Measure m = draft.measure;
        if (m == null || m.column() == null || !Set.of("sum", "amount_share").contains(m.kind())) {
            return Optional.empty();
        }
        if (!rateColumn(m.column())) {
            return Optional.empty();
        }
        return Optional.of("it would add up " + m.column().replace('_', ' ')
                + ", which is itself a rate or average, and a total of it means nothing");
    }

    /**
     * A total over a period or per period of a column that holds an amount per period (monthly_revenue: the monthly
     * price after each event) adds up rates, not what was earned or spent in the period; declined unless a learned
     * measure defines that total.
     */
    private Optional<String> totalOfPeriodRate(PlanDraft draft) {
        Plan.Measure m = draft.measure;
        if (m == null
                || m.column() == null
                || draft.metric != null
                || !m.kind().equals("sum")
                || draft.period == null
                        && draft.timeGroup == null
                        && (!draft.filters.isEmpty()
                                || draft.dims.stream()
                                        .anyMatch(d -> d.entity() && d.table().equals(m.table())))) {
            // "which plan has the highest monthly fee": one rate per record (grouped by its own records); "the
            // monthly fees of active subscriptions": the rates of records in force now. Without a period or a condition
            // ("total monthly
            // revenue") the rates of every record ever, ended or replaced ones too, are added up.
            return Optional.empty();
        }
        boolean perPeriod =
                Arrays.stream(m.column().toLowerCase(Locale.ROOT).split("_")).anyMatch(Cues.PER_PERIOD::contains);
        java.util.Set<String> asked = new java.util.HashSet<>();
        draft.tokens.forEach(t -> asked.add(t.stem()));
        boolean defined = model.definedSums.stream()
                .anyMatch(d -> d.table().equals(m.table())
                        && d.column().equals(m.column())
                        && d.conditions() != null
                        && asked.containsAll(d.stems()));
        if (!perPeriod || defined) {
            // "written premium = sum(policies.annual_premium)": the instruction defines that total, said by its name
            return Optional.empty();
        }
        return Optional.of("it would add up " + m.column().replace('_', ' ')
                + ", an amount per period, and a total of those rates is not what was earned or spent");
    }

    /** Name parts of a column that holds a point in time or a label (a year, a code), never an amount. */
    private static final Set<String> LABEL_PARTS =
            Set.of("year", "month", "day", "date", "id", "code", "number", "no", "key");

    /**
     * A total or average of a column that holds years, dates or identifiers (aid_year, zip_code, episode_number)
     * treats labels as money or quantities.
     */
    private Optional<String> amountOfLabel(PlanDraft draft) {
        Plan.Measure m = draft.measure;
        if (m == null
                || m.column() == null
                || m.duration()
                || !Set.of("sum", "avg", "median", "amount_share").contains(m.kind())) {
            return Optional.empty();
        }
        Schema.Column c = model.schema
                .table(m.table())
                .flatMap(t -> t.columns().stream()
                        .filter(x -> x.name().equals(m.column()))
                        .findFirst())
                .orElse(null);
        boolean label = c != null && (c.temporal() || c.identifier())
                || Arrays.stream(m.column().toLowerCase(Locale.ROOT).split("_")).anyMatch(LABEL_PARTS::contains);
        if (!label) {
            return Optional.empty();
        }
        return Optional.of("it would " + (m.kind().equals("sum") ? "add up " : "average ")
                + m.column().replace('_', ' ') + ", which holds years, dates or identifiers, not amounts");
    }

    /** Last name parts that make a column a classification of records rather than the records themselves. */
    private static final Set<String> CLASS_PARTS =
            Set.of("category", "type", "class", "group", "kind", "segment", "tier");

    /**
     * "Top 5 merchants", "which merchant": a ranking grouped by a column named only by the first word of a longer
     * name ending in a classification word (merchant_category) ranks the categories, not the merchants the question
     * names; declined unless the question says category, type … itself.
     */
    private Optional<String> categoryForEntity(PlanDraft draft) {
        boolean ranking = draft.ctx.top() != null
                || draft.ctx.has(Cues.SUPERLATIVE_DESC)
                || draft.ctx.has(Cues.SUPERLATIVE_ASC)
                || Cues.headWord(draft.tokens) >= 0;
        for (SemanticModel.Mention d : draft.dimMentions) {
            if (d.kind() != SemanticModel.Kind.COLUMN || d.column() == null) {
                continue;
            }
            // "how much did we spend at each merchant", "spend by merchant": one figure per merchant, not per category
            boolean each = d.first() > 0 && draft.tokens.get(d.first() - 1).is("each", "every", "per", "by");
            if (!ranking && !each) {
                continue;
            }
            String[] parts = d.column().toLowerCase(Locale.ROOT).split("_");
            if (parts.length < 2 || !CLASS_PARTS.contains(parts[parts.length - 1])) {
                continue;
            }
            String last = parts[parts.length - 1];
            boolean said = draft.tokens.stream()
                    .map(t -> Words.singular(t.text()))
                    .anyMatch(w -> CLASS_PARTS.contains(w) || w.equals(last));
            if (said) {
                continue;
            }
            return Optional.of("it asks for " + draft.tokens.get(d.first()).text() + ", and I only have their "
                    + d.column().replace('_', ' ') + ", which would rank categories, not "
                    + draft.tokens.get(d.first()).text());
        }
        return Optional.empty();
    }

    private boolean rateColumn(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        if (Arrays.stream(name.split("_")).anyMatch(RATE_PARTS::contains)) {
            return true;
        }
        String instruction = model.instruction;
        if (instruction == null) {
            return false;
        }
        Matcher gloss = Pattern.compile("(?i)(?<![a-z0-9_])" + Pattern.quote(name) + "\\s*\\(([^)]*)\\)")
                .matcher(instruction);
        while (gloss.find()) {
            if (Arrays.stream(gloss.group(1).toLowerCase(Locale.ROOT).split("[^a-z]+"))
                    .anyMatch(RATE_PARTS::contains)) {
                return true;
            }
        }
        for (String line : instruction.split("\\n|;")) {
            int eq = line.indexOf('=');
            if (eq < 0 || line.indexOf('/', eq) < 0) {
                continue;
            }
            String lhs = line.substring(0, eq)
                    .replaceFirst("^\\s*-\\s*", "")
                    .replaceAll("\\([^)]*\\)", " ")
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "_");
            if (lhs.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Column words that say what kind of attribute a column is, not whose: "visit type", "order status". */
    private static final Set<String> GENERIC_COLUMN_WORDS = Words.set(
            "type",
            "types",
            "category",
            "categories",
            "status",
            "statuses",
            "class",
            "classes",
            "kind",
            "kinds",
            "name",
            "names",
            "tier",
            "tiers",
            "group",
            "groups");

    /**
     * A grouping by a column that matched only a generic word ("type") while the word before it names another table
     * ("visit type" or "type of visit" read as the claims' insurance_type): the named table's column ending in that
     * word is used when it
     * is one and lies above the measured records along foreign keys (no fan-out); otherwise the question is declined.
     */
    private Optional<String> qualifiedGenericColumn(PlanDraft draft) {
        for (SemanticModel.Mention d : List.copyOf(draft.dimMentions)) {
            if (d.kind() != SemanticModel.Kind.COLUMN || d.first() != d.last() || d.first() == 0) {
                continue;
            }
            String generic = draft.tokens.get(d.first()).text();
            if (!GENERIC_COLUMN_WORDS.contains(generic)) {
                continue;
            }
            // "visit type", or "type of visit": the word naming whose type it is
            int after = ofObject(draft.tokens, d.first());
            boolean of = after >= 0;
            int p = of ? after : d.first() - 1;
            String word = Words.singular(draft.tokens.get(p).text());
            if (d.column().contains(word) || d.table().contains(word)) {
                continue;
            }
            BitSet skip = new BitSet();
            skip.set(0, draft.tokens.size());
            skip.clear(p);
            String named = model.mentions(draft.tokens, skip, Set.of()).stream()
                    .filter(m -> m.kind() == SemanticModel.Kind.TABLE && m.first() == p && m.last() == p)
                    .map(SemanticModel.Mention::table)
                    .findFirst()
                    .orElse(null);
            if (named == null && of) {
                // "each type of loss": the word after "of" says whose type; a column of other records is not it
                return Optional.of(
                        "it asks by " + generic + " of " + draft.tokens.get(p).text() + ", and the "
                                + generic + " I found is " + d.column().replace('_', ' ') + " of "
                                + d.table().replace('_', ' '));
            }
            if (named == null || named.equals(d.table())) {
                continue;
            }
            String suffix = Words.singular(generic);
            List<String> own = model.schema.table(named).orElseThrow().columns().stream()
                    .map(Schema.Column::name)
                    .filter(c -> c.equals(suffix) || c.endsWith("_" + suffix))
                    .toList();
            boolean reached = draft.base != null
                    && (draft.base.equals(named)
                            || model.schema.pathUp(draft.base, named).isPresent());
            String asked = of
                    ? generic + " of " + draft.tokens.get(p).text()
                    : draft.tokens.get(p).text() + " " + generic;
            if (own.size() != 1 || !reached) {
                return Optional.of("it asks by " + asked + ", and I could not find that column of "
                        + named.replace('_', ' ') + " for " + draft.base.replace('_', ' '));
            }
            int i = draft.dims.indexOf(new Plan.Dim(d.table(), d.column(), false));
            if (i < 0) {
                return Optional.of("it asks by " + asked + ", and I could not group by it");
            }
            draft.dims.set(i, new Plan.Dim(named, own.get(0), false));
        }
        return Optional.empty();
    }

    /** The index of the word after "of" (and an article) right after token i ("type of loss"), or -1. */
    private static int ofObject(List<Words.Token> tokens, int i) {
        int j = i + 1;
        if (j >= tokens.size() || !tokens.get(j).is("of")) {
            return -1;
        }
        j++;
        if (j < tokens.size() && tokens.get(j).is("a", "an", "the", "our")) {
            j++;
        }
        return j < tokens.size() && !tokens.get(j).isNumber() ? j : -1;
    }

    /** "how many …, how much … and what share …": more than one measure asked for. */
    private static Optional<String> several(PlanDraft draft) {
        int asked = 0;
        boolean share = false;
        List<Words.Token> t = draft.tokens;
        for (int i = 0; i < t.size(); i++) {
            if (i + 1 < t.size() && t.get(i).is("how") && t.get(i + 1).is("many", "much")) {
                asked++;
            }
            if (Cues.PART_OF_WHOLE.contains(t.get(i).text())) {
                share = true;
            }
        }
        if (share) {
            asked++;
        }
        return asked > 1
                ? Optional.of("it asks for " + asked + " measures at once; please ask for one at a time")
                : Optional.empty();
    }

    /** A grouping by a column that a filter narrows to one value. */
    private static Optional<String> degenerateGrouping(PlanDraft draft) {
        for (Plan.Dim d : draft.dims) {
            if (d.column() == null) {
                continue;
            }
            for (Plan.Cond c : draft.filters) {
                if (c.table().equals(d.table())
                        && c.column().equals(d.column())
                        && "in".equals(c.op())
                        && c.values().size() == 1) {
                    return Optional.of("it groups by " + d.column().replace('_', ' ') + " but also keeps only '"
                            + c.values().get(0) + "', so I could not tell what to rank or break down");
                }
            }
        }
        return Optional.empty();
    }

    /** A learned measure whose golden question named a qualifier (a value of its definition) the question lacks. */
    private static Optional<String> qualifiedMetric(PlanDraft draft) {
        Metric m = draft.metric;
        String missing = m == null ? null : missingQualifier(m, draft.tokens);
        return missing == null
                ? Optional.empty()
                : Optional.of(QUALIFIED + m.label() + " for '" + missing
                        + "' records only, and the question does not say so");
    }

    /**
     * The value of a learned measure's definition that its golden question names as a qualifier ("unplanned" in "hours
     * of unplanned machine downtime") and the question does not say; null when there is none.
     */
    static String missingQualifier(Metric m, List<Words.Token> tokens) {
        if (m == null || m.source() == null) {
            return null;
        }
        Set<String> source = stems(Words.tokenize(m.source()));
        Set<String> asked = stems(tokens);
        for (String f : m.filters()) {
            if (!f.matches("[^']*[^<>!]= '[^']*'") || f.toLowerCase(Locale.ROOT).contains(" not ")) {
                continue; // a list of values spelled out, or an exclusion, is a definition, not a qualifier
            }
            Matcher lit = LITERAL.matcher(f);
            while (lit.find()) {
                for (String w : Words.nameStems(lit.group(1))) {
                    if (source.contains(w) && !m.stems().contains(w) && !asked.contains(w)) {
                        return lit.group(1);
                    }
                }
            }
        }
        return null;
    }

    /**
     * A learned measure whose golden query counts a value that the system instruction's own definition of the same
     * measure leaves out ("Denial rate = denied claims / …" while the golden query counts denied and appealed ones):
     * the two definitions disagree, so neither number is safe.
     */
    private Optional<String> redefinedMetric(PlanDraft draft) {
        Metric m = draft.metric;
        if (m == null || model.instruction == null || m.stems().isEmpty()) {
            return Optional.empty();
        }
        for (String line : model.instruction.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            Set<String> named = new HashSet<>();
            Words.tokenize(line.substring(0, eq)).forEach(t -> named.add(t.stem()));
            if (!named.containsAll(m.stems())) {
                continue;
            }
            String definition = line.substring(eq + 1).toLowerCase(Locale.ROOT);
            Set<String> said = new HashSet<>();
            Words.tokenize(definition).forEach(t -> said.add(t.stem()));
            Matcher lit = LITERAL.matcher(m.expression());
            List<String> values = new ArrayList<>();
            while (lit.find()) {
                values.add(lit.group(1));
            }
            List<String> missing = values.stream()
                    .filter(v -> !said.containsAll(Words.nameStems(v)))
                    .toList();
            if (!missing.isEmpty() && missing.size() < values.size()) {
                return Optional.of("the golden queries count " + String.join(", ", missing) + " in " + m.label()
                        + " while the system instruction's definition does not, so I could not tell which is meant");
            }
        }
        return Optional.empty();
    }

    /** A value filter whose word the system instruction also uses for what every row of the table is. */
    private Optional<String> population(PlanDraft draft) {
        if (model.instruction == null) {
            return Optional.empty();
        }
        for (Plan.Cond c : draft.filters) {
            if (!"in".equals(c.op()) || c.values().isEmpty()) {
                continue;
            }
            for (String table : new java.util.LinkedHashSet<>(List.of(c.table(), draft.base))) {
                Set<String> head = rowNoun(table);
                for (String v : c.values()) {
                    List<String> vs = Words.nameStems(v);
                    if (!vs.isEmpty() && head.containsAll(vs)) {
                        return Optional.of("\"" + v.replace('_', ' ') + "\" describes every row of "
                                + table.replace('_', ' ') + " in this dataset as well as one "
                                + c.column().replace('_', ' ') + ", so I could not tell which is meant");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The head noun of what the instruction says a table's rows are (its gloss up to a comma, "with" or period). */
    private Set<String> rowNoun(String table) {
        Set<String> out = new HashSet<>();
        Matcher g = GLOSS.matcher(model.instruction);
        while (g.find()) {
            if (!g.group(1).equals(table)) {
                continue;
            }
            String text = g.group(2).replaceAll("\\([^()]*\\)", " ").toLowerCase(Locale.ROOT);
            String[] head = text.split("[,;.:]|\\bwith\\b|\\bwhere\\b|\\bincluding\\b", 2);
            List<Words.Token> words = Words.tokenize(head[0]);
            if (!words.isEmpty()) {
                out.add(words.get(words.size() - 1).stem());
            }
        }
        return out;
    }

    /** "amount" for charged_off_amount, where charged_off is a value of the same table. */
    private Optional<String> partialColumn(PlanDraft draft) {
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() != SemanticModel.Kind.COLUMN || !m.entry().partial()) {
                continue;
            }
            List<String> rest = new ArrayList<>(Words.nameStems(m.column()));
            for (int i = m.first(); i <= m.last(); i++) {
                rest.remove(draft.tokens.get(i).stem());
            }
            rest.removeAll(m.entry().words());
            if (rest.isEmpty()) {
                continue;
            }
            for (SemanticModel.Entry e : model.entries) {
                if (e.kind() == SemanticModel.Kind.VALUE && m.table().equals(e.table()) && e.value() != null) {
                    List<String> vs = Words.nameStems(e.value());
                    if (!vs.isEmpty() && rest.containsAll(vs)) {
                        return Optional.of("\"" + draft.tokens.get(m.last()).text() + "\" could mean "
                                + m.column().replace('_', ' ') + ", which only holds for '" + e.value()
                                + "' records, and the question does not say so");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A condition read from a word that is part of the name of a table the question names. */
    private static Optional<String> tableWord(PlanDraft draft) {
        for (Plan.Cond c : draft.filters) {
            Integer at = draft.condAt.get(c);
            if (at == null || at < 0 || at >= draft.tokens.size()) {
                continue;
            }
            String stem = draft.tokens.get(at).stem();
            for (SemanticModel.Mention m : draft.sel) {
                if (m.kind() == SemanticModel.Kind.TABLE
                        && !m.table().equals(c.table())
                        && !m.tokens().get(at)
                        && Words.nameStems(m.table()).contains(stem)) {
                    return Optional.of("\"" + draft.tokens.get(at).text() + "\" may be part of the name "
                            + m.table().replace('_', ' ') + " rather than a condition on "
                            + c.table().replace('_', ' '));
                }
            }
        }
        return Optional.empty();
    }

    /** A count of a table no word of the question names, read from values of several tables. */
    private static Optional<String> unnamedCount(PlanDraft draft) {
        if (draft.followUp
                || draft.measure == null
                || !"count".equals(draft.measure.kind())
                || draft.base == null
                || !draft.dims.isEmpty()) {
            return Optional.empty();
        }
        Set<String> valueTables = new HashSet<>();
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() != SemanticModel.Kind.VALUE && draft.base.equals(m.table())) {
                return Optional.empty();
            }
            if (m.kind() == SemanticModel.Kind.VALUE) {
                valueTables.add(m.table());
            }
        }
        if (valueTables.size() < 2) {
            return Optional.empty(); // "how many late_30 or late_60": values of one table count its records
        }
        return Optional.of(
                "it does not name the records to count (I would be counting " + draft.base.replace('_', ' ') + ")");
    }

    /**
     * "How many purchases did we get": a count of records no word names (product reviews), kept to those whose yes/no
     * flag is named by only part of its name (verified_purchase, overdraft_protection) counts those records, not the
     * word's things. Declined; a question that names the records ("reviews that were verified purchases") or says the
     * flag's whole name is read as before.
     */
    private Optional<String> partlyNamedFlag(PlanDraft draft) {
        if (draft.followUp
                || draft.measure == null
                || !("count".equals(draft.measure.kind()) || "count_distinct".equals(draft.measure.kind()))
                || draft.base == null) {
            return Optional.empty();
        }
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() == SemanticModel.Kind.TABLE && draft.base.equals(m.table())) {
                return Optional.empty();
            }
        }
        for (Plan.Cond c : draft.filters) {
            if (!c.table().equals(draft.base) || !("is_true".equals(c.op()) || "is_false".equals(c.op()))) {
                continue;
            }
            for (SemanticModel.Mention m : draft.sel) {
                if (m.kind() != SemanticModel.Kind.COLUMN
                        || !m.table().equals(c.table())
                        || !m.column().equals(c.column())
                        || !m.entry().partial()) {
                    continue;
                }
                List<String> rest =
                        new ArrayList<>(SemanticModel.columnWords(model.schema.column(m.table(), m.column())));
                for (Words.Token t : draft.tokens) {
                    rest.remove(t.stem());
                }
                if (!rest.isEmpty()) {
                    return Optional.of("\"" + draft.tokens.get(m.last()).text() + "\" names only part of "
                            + m.column().replace('_', ' ') + ", a yes/no mark of "
                            + draft.base.replace('_', ' ') + ", and the question does not say it counts "
                            + draft.base.replace('_', ' '));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "Which aircraft type had the most unscheduled repairs": the noun after "the most" / "how many" names records of a
     * table below the counted one (a value of maintenance_events), so counting the aircraft that have such records
     * (14) answers another question than counting the records (201). Declined.
     */
    private Optional<String> parentsForChildren(PlanDraft draft) {
        if (draft.followUp
                || draft.measure == null
                || !("count".equals(draft.measure.kind()) || "count_distinct".equals(draft.measure.kind()))
                || draft.base == null) {
            return Optional.empty();
        }
        for (int i = 0; i + 1 < draft.tokens.size(); i++) {
            Words.Token t = draft.tokens.get(i);
            boolean cue = Cues.SUPERLATIVE_DESC.contains(t.text())
                    || Cues.SUPERLATIVE_ASC.contains(t.text())
                    || t.is("many") && i > 0 && draft.tokens.get(i - 1).is("how");
            if (!cue) {
                continue;
            }
            for (int j = i + 1; j < Math.min(draft.tokens.size(), i + 4); j++) {
                SemanticModel.Mention m = draft.at.get(j);
                if (m == null) {
                    continue;
                }
                if (m.table().equals(draft.base)) {
                    break; // the counted records themselves
                }
                String named = m.table();
                boolean below = model.schema.pathUp(named, draft.base).isPresent();
                boolean kept = draft.filters.stream()
                        .anyMatch(c -> c.table().equals(named)
                                || c.segment() != null && c.segment().child().equals(named));
                if (below && kept) {
                    return Optional.of("it counts " + named.replace('_', ' ') + " (\""
                            + draft.tokens.get(j).text() + "\"), and I could only count the "
                            + draft.base.replace('_', ' ') + " that have them");
                }
                break;
            }
        }
        return Optional.empty();
    }

    /** "How much …" answered with a count of records. */
    private static Optional<String> countForHowMuch(PlanDraft draft) {
        if (draft.followUp
                || draft.measure == null
                || !("count".equals(draft.measure.kind()) || "count_distinct".equals(draft.measure.kind()))) {
            return Optional.empty();
        }
        if (Cues.phrase(draft.tokens, "how", "much") < 0 && totalAmount(draft.tokens) < 0) {
            return Optional.empty();
        }
        return Optional.of("it asks how much, and I could only count "
                + (draft.base == null ? "records" : draft.base.replace('_', ' '))
                + ", not an amount");
    }

    /**
     * "The total loan amount", "the sum of the amounts": "total" or "sum" with "amount" within the next three words
     * asks for an amount, never a count of the records; the index of "total"/"sum", or -1.
     */
    static int totalAmount(List<Words.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).is("total", "sum")) {
                continue;
            }
            for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
                if (tokens.get(k).is("amount", "amounts")) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * "Which machine had the most unplanned downtime": the records counted are named after the superlative by a noun
     * in its singular form (downtime, not downtimes), an amount of something rather than a number of things; ranking
     * by how many records there are would answer another question. Declined; not when a word other than a stop word
     * follows ("the most downtime events").
     */
    private static Optional<String> countForMostOfMass(PlanDraft draft) {
        if (draft.followUp
                || draft.metric != null
                || draft.base == null
                || draft.measure == null
                || !("count".equals(draft.measure.kind()) || "count_distinct".equals(draft.measure.kind()))) {
            return Optional.empty();
        }
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() != SemanticModel.Kind.TABLE || !draft.base.equals(m.table())) {
                continue;
            }
            Words.Token noun = draft.tokens.get(m.last());
            if (noun.isNumber() || Lexicon.pluralNoun(noun.text())) {
                continue;
            }
            if (m.last() + 1 < draft.tokens.size()
                    && draft.tokens.get(m.last() + 1).kind() == Words.Kind.WORD
                    && !Words.isStop(draft.tokens.get(m.last() + 1))) {
                continue; // "the most downtime events", "the most common order total": the noun is a modifier
            }
            for (int i = Math.max(0, m.first() - 3); i < m.first(); i++) {
                Words.Token t = draft.tokens.get(i);
                if (Cues.SUPERLATIVE_DESC.contains(t.text()) || Cues.SUPERLATIVE_ASC.contains(t.text())) {
                    return Optional.of("it asks for the " + t.text() + " " + noun.text()
                            + ", an amount, and I could only count " + draft.base.replace('_', ' '));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "How many units did we ship": "how many" asks for a number of things, never an amount of money; a sum or
     * average of a money column ("units" read as unit_price) answers another question.
     */
    /**
     * "How many gb of data": the word after "how many" is the last part of the summed column's name (data_gb), the
     * unit the column counts in, not a money word: a number of that unit, not an amount of money.
     */
    private static boolean countedInUnit(List<Words.Token> tokens, Schema.Column c) {
        int next = Cues.phrase(tokens, "how", "many") + 1; // the word after "many"
        List<String> parts = List.of(c.name().toLowerCase(Locale.ROOT).split("_"));
        if (next <= 0 || next >= tokens.size() || parts.size() < 2) {
            return false;
        }
        String unit = parts.get(parts.size() - 1);
        return tokens.get(next).text().equals(unit) && !Words.MONEY.contains(unit);
    }

    private Optional<String> moneyForHowMany(PlanDraft draft) {
        if (draft.followUp
                || draft.measure == null
                || draft.measure.column() == null
                || draft.measure.table() == null
                || !("sum".equals(draft.measure.kind()) || "avg".equals(draft.measure.kind()))
                || Cues.phrase(draft.tokens, "how", "many") < 0) {
            return Optional.empty();
        }
        Schema.Column c = model.schema
                .table(draft.measure.table())
                .flatMap(t -> t.column(draft.measure.column()))
                .orElse(null);
        if (c == null || !MeasureStage.moneyLike(c) || countedInUnit(draft.tokens, c)) {
            return Optional.empty();
        }
        return Optional.of("it asks how many, and I could only add up the money column " + c.name());
    }

    /**
     * "How much did residential customers pay in 2024?": a money word ("pay", "spent", `Words.MONEY`) that names the
     * measured column only as a part of its name (days_to_pay) while the column holds no money says what the money
     * did, not which figure: adding up days to pay is not what was paid. Declined when every word naming that column
     * is a money word; "how many days did customers take to pay" names it by its other part.
     */
    private Optional<String> moneyWordForOtherColumn(PlanDraft draft) {
        Plan.Measure m = draft.measure;
        if (m == null || m.column() == null || m.table() == null || "count".equals(m.kind())) {
            return Optional.empty();
        }
        Schema.Column c =
                model.schema.table(m.table()).flatMap(t -> t.column(m.column())).orElse(null);
        if (c == null || MeasureStage.moneyLike(c)) {
            return Optional.empty();
        }
        List<SemanticModel.Mention> naming = draft.sel.stream()
                .filter(x -> x.kind() == SemanticModel.Kind.COLUMN
                        && m.table().equals(x.table())
                        && m.column().equals(x.column()))
                .toList();
        boolean onlyMoney = !naming.isEmpty()
                && naming.stream()
                        .allMatch(x -> x.tokens().stream()
                                .allMatch(i ->
                                        Words.MONEY.contains(draft.tokens.get(i).text())));
        if (!onlyMoney || Words.nameStems(c.name()).size() < 2) {
            return Optional.empty();
        }
        return Optional.of("it says what money did, and " + c.name().replace('_', ' ') + " is not an amount of money");
    }

    /**
     * "What's the most common defect we find in inspections?": the most common (frequent, popular, usual, typical)
     * thing is the value met most often, counted per value; the largest or smallest number of a column ("max of
     * defects_found") or one total of the records ("the most common order total": a count of orders) answers
     * another question.
     */
    private static Optional<String> commonAsExtreme(PlanDraft draft) {
        if (draft.followUp || draft.measure == null) {
            return Optional.empty();
        }
        boolean extreme = "max".equals(draft.measure.kind()) || "min".equals(draft.measure.kind());
        boolean oneTotal = draft.dims.isEmpty()
                && draft.timeGroup == null
                && draft.grain == null
                && draft.perEntity == null
                && draft.firstEvent == null;
        if (!extreme && !oneTotal) {
            return Optional.empty();
        }
        for (Words.Token t : draft.tokens) {
            if (t.is("common", "commonest", "frequent", "frequently", "often", "popular", "usual", "typical")) {
                return Optional.of("\"" + t.text() + "\" asks for the value met most often, and I could only find "
                        + (extreme ? "the " + draft.measure.kind() + " of " + draft.measure.column() : "one total"));
            }
        }
        return Optional.empty();
    }

    /**
     * "by X", "for each X", "per X", "every X" where X names a table or a column (not a value: "paid by card" is a
     * condition) and the plan neither groups nor averages per entity: one total would answer a breakdown. "By kind
     * (type, sort) of X" with the kind word unread is a breakdown by X's kinds.
     */
    private static Optional<String> lostBreakdown(PlanDraft draft) {
        if (draft.followUp
                || draft.measure == null
                || !draft.dims.isEmpty()
                || draft.timeGroup != null
                || draft.grain != null
                || draft.firstEvent != null
                || draft.perEntity != null
                || draft.measure.kind().startsWith("per_")) {
            return Optional.empty();
        }
        List<Words.Token> t = draft.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            if (!t.get(i).is("by", "each", "per", "every")) {
                continue;
            }
            int at = i + 1;
            while (at < t.size() && t.get(at).is("the", "a", "an", "our", "their", "its")) {
                at++;
            }
            if (draft.at.get(at) == null
                    && at + 2 < t.size()
                    && t.get(at).is("kind", "kinds", "type", "types", "sort", "sorts")
                    && t.get(at + 1).is("of")) {
                at += 2; // "by kind of aid": a breakdown by the kinds of what is named after "of"
                while (at < t.size() && t.get(at).is("the", "a", "an", "our", "their", "its")) {
                    at++;
                }
            } else if (draft.at.get(at) == null && t.get(at).is("kind", "type", "sort", "category", "class")) {
                // "visits of each kind", "work orders by type": a breakdown by the records' own kinds
                String word = t.get(at).text();
                return Optional.of(
                        "it asks for one figure per " + word + ", and I could not break the measure down by " + word);
            }
            SemanticModel.Mention m = draft.at.get(at);
            // "each business subscriber": value words between "each" and the noun narrow the entity, they are no
            // breakdown of their own ("by card" stays a condition)
            while (t.get(i).is("each", "every")
                    && m != null
                    && m.first() == at
                    && m.kind() == SemanticModel.Kind.VALUE
                    && m.last() + 1 < t.size()) {
                at = m.last() + 1;
                m = draft.at.get(at);
            }
            if ((m == null || m.first() != at)
                    && at < t.size()
                    && GENERIC_COLUMN_WORDS.contains(t.get(at).text())) {
                // "for each type of loss" read without any grouping: the breakdown asked for is lost
                return Optional.of("it asks for one figure per " + t.get(at).text() + ", and I could not tell which "
                        + t.get(at).text() + " is meant");
            }
            if (m == null || m.first() != at) {
                continue;
            }
            // "average cost per shipment" over shipments is the average of its rows; a total "per plan" over plans
            // is one figure per plan.
            boolean averaged = draft.measure.kind().equals("avg")
                    || draft.measure.kind().equals("median")
                    || draft.measure.kind().equals("percent");
            boolean names = m.kind() == SemanticModel.Kind.COLUMN
                    || (m.kind() == SemanticModel.Kind.TABLE
                            && !(averaged && m.table().equals(draft.base)));
            if (names) {
                String word = t.get(m.last()).text();
                return Optional.of(
                        "it asks for one figure per " + word + ", and I could not break the measure down by " + word);
            }
        }
        return Optional.empty();
    }

    /**
     * "How many orders did each customer cancel?": "each X" (or "every X") asks for one figure per X. A plan that
     * breaks the measure down by something else answers another question: X read as a value of the column the plan
     * groups by ("customer", a cancel reason), or X a table of which the plan groups by nothing (grouped by the cancel
     * reason, or only by month). Value words before the noun ("each business subscriber") narrow X. The counted records
     * themselves ("each order", over orders) and an average per X are not such a breakdown.
     */
    private Optional<String> otherBreakdown(PlanDraft draft) {
        if (draft.followUp || draft.measure == null || draft.perEntity != null || draft.firstEvent != null) {
            return Optional.empty();
        }
        if (draft.dims.isEmpty() && draft.timeGroup == null && draft.grain == null) {
            return Optional.empty(); // one total: lostBreakdown's case
        }
        List<Words.Token> t = draft.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            if (!t.get(i).is("each", "every")) {
                continue;
            }
            int at = i + 1;
            while (at < t.size() && t.get(at).is("the", "a", "an", "our", "their", "its", "single")) {
                at++;
            }
            SemanticModel.Mention m = draft.at.get(at);
            SemanticModel.Mention lastValue = null;
            while (m != null && m.first() == at && m.kind() == SemanticModel.Kind.VALUE) {
                lastValue = m;
                at = m.last() + 1;
                m = at < t.size() ? draft.at.get(at) : null;
            }
            // "did each customer cancel": after did/do/does the phrase is the subject and the next word its verb
            boolean subject = i > 0 && t.get(i - 1).is("did", "do", "does");
            boolean head = m == null || m.first() != at;
            if (lastValue != null && (head || subject && m.kind() != SemanticModel.Kind.TABLE)) {
                SemanticModel.Mention v = lastValue;
                boolean groupedByIt = draft.dims.stream()
                        .anyMatch(d -> d.table().equals(v.table()) && d.column().equals(v.column()));
                if (groupedByIt) {
                    String word = t.get(v.last()).text();
                    return Optional.of("it asks for one figure per " + word + ", and I could only read \"" + word
                            + "\" as one " + v.column().replace('_', ' ') + " to group by");
                }
                continue;
            }
            if (head || m.kind() != SemanticModel.Kind.TABLE || m.entry().partial()) {
                continue;
            }
            SemanticModel.Mention after = m.last() + 1 < t.size() ? draft.at.get(m.last() + 1) : null;
            if (!subject
                    && after != null
                    && after.first() == m.last() + 1
                    && after.kind() != SemanticModel.Kind.VALUE) {
                continue; // "each academic rank": the table's word only modifies the noun that heads the phrase
            }
            String table = m.table();
            if (table.equals(draft.base)) {
                continue;
            }
            String key = model.schema.table(table).map(Schema.Table::primaryKey).orElse(null);
            boolean ofIt = draft.dims.stream()
                    .anyMatch(d ->
                            d.table().equals(table) || key != null && d.column().equals(key));
            if (!ofIt) {
                String word = t.get(m.last()).text();
                return Optional.of(
                        "it asks for one figure per " + word + ", and I could only break the measure down by "
                                + (draft.dims.isEmpty()
                                        ? "period"
                                        : draft.dims.get(0).column().replace('_', ' ')));
            }
        }
        return Optional.empty();
    }

    /**
     * "What is the total aid by program?", "the total loan amount by branch": a total of money (the question says
     * "amount", an everyday money word, or "total" right before the name of records whose table is money itself in
     * the general English lexicon: financial aid, refunds, payments) is a sum of their money column, never a count of
     * the records. "Total number of …" and "how many …" stay counts.
     */
    private Optional<String> countForMoneyTotal(PlanDraft draft) {
        if (draft.followUp
                || draft.measure == null
                || draft.metric != null
                || !("count".equals(draft.measure.kind()) || "count_distinct".equals(draft.measure.kind()))) {
            return Optional.empty();
        }
        List<Words.Token> t = draft.tokens;
        if (Cues.phrase(t, "how", "many") >= 0 || t.stream().anyMatch(x -> x.is("number", "count", "counts"))) {
            return Optional.empty();
        }
        for (int i = 0; i + 1 < t.size(); i++) {
            if (!t.get(i).is("total", "totals", "sum")) {
                continue;
            }
            for (int j = i + 1; j < t.size(); j++) {
                if (t.get(j).is("amount", "amounts")
                        || Words.MONEY.contains(t.get(j).text())) {
                    return Optional.of("it asks for a total amount of money, and I could only count "
                            + draft.base.replace('_', ' '));
                }
            }
            int at = i + 1;
            while (at < t.size() && t.get(at).is("of", "the", "our", "all")) {
                at++;
            }
            SemanticModel.Mention m = draft.at.get(at);
            if (m != null
                    && m.first() == at
                    && m.kind() == SemanticModel.Kind.TABLE
                    && m.table().equals(draft.base)
                    && Lexicon.moneyNoun(m.table().replace('_', ' '))) {
                return Optional.of("\"" + t.get(m.last()).text() + "\" is money, so its total is an amount, and I"
                        + " could only count the " + draft.base.replace('_', ' '));
            }
        }
        return Optional.empty();
    }

    /**
     * "Including cancelled ones", "even refunded orders": what a widening phrase adds is counted with the rest, so no
     * condition of the plan (nor of a learned measure's definition) may keep or drop those rows.
     */
    private static Optional<String> widenedFilter(PlanDraft draft) {
        java.util.BitSet widened = Cues.widened(draft.tokens, draft.at);
        java.util.BitSet pairs = Cues.widened(draft.tokens, draft.at, true);
        for (SemanticModel.Mention m : draft.sel) {
            if (pairs.get(m.first()) || widened.get(m.first()) && !m.table().equals(draft.base)) {
                // "refunded as well as cancelled", "orders including gift cards": added or required, and "including"
                // other records may mean containing them
                return Optional.of("\"" + draft.tokens.get(m.last()).text() + "\" may add those records to the"
                        + " rest or require them as well, and I could not tell which");
            }
            if (!widened.get(m.first()) || m.column() == null) {
                continue;
            }
            List<Plan.Cond> all = new ArrayList<>(draft.filters);
            all.addAll(draft.numerator);
            boolean filtered = all.stream()
                    .anyMatch(c -> c.table().equals(m.table()) && c.column().equals(m.column()));
            boolean defined = draft.metric != null
                    && draft.metric.filters().stream()
                            .anyMatch(f -> Pattern.compile("\\b" + Pattern.quote(m.column()) + "\\b")
                                    .matcher(f)
                                    .find());
            if (filtered || defined) {
                return Optional.of("it counts \"" + draft.tokens.get(m.last()).text() + "\" records together with"
                        + " the rest, and my reading would keep or drop them by "
                        + m.column().replace('_', ' '));
            }
        }
        return Optional.empty();
    }

    /**
     * "What share of payment attempts failed, by payment method?", "which market has the highest share of unpaid
     * bills": a share by groups whose counted rows the question narrows (a value or state said after the share word)
     * asks for the rate within each group, not how the narrowed rows split across the groups; declined rather than
     * answered with the split. Conditions said before the share word ("for card invoices, what share …") narrow all.
     */
    private static Optional<String> qualifiedDistribution(PlanDraft draft) {
        if (!draft.share || draft.dims.isEmpty() && draft.timeGroup == null) {
            return Optional.empty();
        }
        int cue = -1;
        for (int i = 0; i < draft.tokens.size(); i++) {
            if (Cues.PART_OF_WHOLE.contains(draft.tokens.get(i).text())) {
                cue = i;
                break;
            }
        }
        if (cue < 0) {
            return Optional.empty();
        }
        String expression =
                draft.metric == null ? "" : draft.metric.expression().toLowerCase(Locale.ROOT);
        if (expression.contains("filter") && !expression.contains("/")) {
            // a learned count of some records only ("failed attempts"): its split across the groups is not the share
            // of each group's records that are such
            return Optional.of("it asks what share of each group's records are " + draft.metric.label()
                    + ", and I would have shown how " + draft.metric.label() + " split across the groups instead");
        }
        for (Plan.Cond c : draft.filters) {
            Integer at = draft.condAt.get(c);
            if (at != null && at > cue) {
                return Optional.of("it asks what share of each group's records are "
                        + Cues.conditionText(c).replace('_', ' ')
                        + ", and I would have shown how those records split across the groups instead");
            }
        }
        return Optional.empty();
    }

    /**
     * A percentage whose part counted is a defined set of records ("repeat customers": two or more orders that were
     * not cancelled) while its whole is defined by the same child records without that definition's own conditions
     * ("customers who ordered": any order): the part is not a subset of the whole, declined unless the question names
     * those conditions.
     */
    private static Optional<String> learnedPart(PlanDraft draft) {
        for (Plan.Cond part : draft.numerator) {
            if (part.segment() == null) {
                continue;
            }
            for (Plan.Cond whole : draft.filters) {
                if (whole.segment() == null
                        || !whole.segment().child().equals(part.segment().child())) {
                    continue;
                }
                for (Plan.Cond extra : part.segment().childFilters()) {
                    boolean named = whole.segment().childFilters().contains(extra)
                            || draft.sel.stream()
                                    .anyMatch(m -> extra.table().equals(m.table())
                                            && extra.column().equals(m.column()));
                    if (!named) {
                        return Optional.of("the part counted keeps only "
                                + part.segment().child().replace('_', ' ')
                                + " with " + Cues.conditionText(extra).replace('_', ' ')
                                + " while the whole counts all of them, so the two do not match");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "How many credit hours were taken in each term?" over enrollments joined to courses, both with a credit_hours
     * column: the column exists in two tables of the plan and the question names neither table, so it is declined.
     */
    private Optional<String> measureInTwoTables(PlanDraft draft) {
        Plan.Measure ms = draft.measure;
        if (ms == null
                || ms.column() == null
                || ms.duration()
                || !Set.of("sum", "avg", "min", "max", "median").contains(ms.kind())) {
            return Optional.empty();
        }
        Set<String> tables = new java.util.LinkedHashSet<>();
        tables.add(draft.base);
        draft.dims.forEach(d -> tables.add(d.table()));
        draft.filters.forEach(c -> tables.add(c.table()));
        draft.numerator.forEach(c -> tables.add(c.table()));
        if (draft.period != null) {
            tables.add(draft.period.table());
        }
        if (draft.timeGroup != null) {
            tables.add(draft.timeGroup.table());
        }
        tables.remove(ms.table());
        tables.remove(null);
        boolean named = draft.sel.stream()
                .anyMatch(m -> m.kind() == SemanticModel.Kind.TABLE && m.table().equals(ms.table()));
        if (named) {
            return Optional.empty();
        }
        for (String t : tables) {
            boolean has = model.schema.table(t).stream()
                    .flatMap(x -> x.columns().stream())
                    .anyMatch(c -> c.name().equals(ms.column()));
            if (has) {
                return Optional.of(ms.column().replace('_', ' ') + " exists in both "
                        + ms.table().replace('_', ' ') + " and " + t.replace('_', ' ')
                        + ", and the question does not say which one it means");
            }
        }
        return Optional.empty();
    }

    /**
     * "How many enrollments were withdrawn?" read as the students' status 'withdrawn' while the enrollments have a flag
     * of that name: a state word said of the counted records is their own flag, so the reading through another
     * table's value is dropped (unless the word stands right before that table's noun: "withdrawn students").
     */
    private Optional<String> otherTablesState(PlanDraft draft) {
        if (draft.base == null) {
            return Optional.empty();
        }
        List<Plan.Cond> all = new ArrayList<>(draft.filters);
        all.addAll(draft.numerator);
        for (Plan.Cond c : all) {
            Integer at = draft.condAt.get(c);
            SemanticModel.Mention m = at == null ? null : draft.at.get(at);
            if (m == null
                    || m.kind() != SemanticModel.Kind.VALUE
                    || m.table().equals(draft.base)
                    || !c.table().equals(m.table())) {
                continue;
            }
            SemanticModel.Mention next = draft.at.get(m.last() + 1);
            if (next != null
                    && next.kind() == SemanticModel.Kind.TABLE
                    && next.table().equals(m.table())) {
                continue;
            }
            List<String> said = new ArrayList<>();
            for (int i = m.first(); i <= m.last(); i++) {
                said.add(draft.tokens.get(i).stem());
            }
            for (Schema.Column own :
                    model.schema.table(draft.base).orElseThrow().columns()) {
                if (own.type() == Schema.Type.BOOLEAN
                        && SemanticModel.columnWords(own).equals(said)) {
                    return Optional.of("\"" + draft.tokens.get(m.last()).text() + "\" may be the "
                            + own.name().replace('_', ' ')
                            + " flag of the " + draft.base.replace('_', ' ') + " or the "
                            + m.column().replace('_', ' ')
                            + " of their " + m.table().replace('_', ' '));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "Invoices paid by card", "orders shipped via express": a state or value word right before "by", "via", "using" or
     * "through" and a value of another column of the same records may only say how the records were handled (the
     * method), not that they are in that state; reading it as a condition as well is a guess, so it is declined.
     */
    private static Optional<String> verbByMeans(PlanDraft draft) {
        List<Plan.Cond> all = new ArrayList<>(draft.filters);
        all.addAll(draft.numerator);
        for (Plan.Cond c : all) {
            Integer at = draft.condAt.get(c);
            SemanticModel.Mention m = at == null ? null : draft.at.get(at);
            if (m == null || m.column() == null || !m.column().equals(c.column())) {
                continue;
            }
            int j = m.last() + 1;
            if (j >= draft.tokens.size() || !draft.tokens.get(j).is("by", "via", "using", "through")) {
                continue;
            }
            int k = j + 1;
            while (k < draft.tokens.size() && draft.tokens.get(k).is("the", "a", "an")) {
                k++;
            }
            SemanticModel.Mention v = draft.at.get(k);
            if (v != null
                    && v.first() == k
                    && v.kind() == SemanticModel.Kind.VALUE
                    && v.table().equals(c.table())
                    && !v.column().equals(c.column())) {
                return Optional.of("\"" + draft.tokens.get(m.last()).text() + " "
                        + draft.tokens.get(j).text() + " "
                        + draft.tokens.get(v.last()).text() + "\" may only say how the records were handled, and I"
                        + " could not tell whether only "
                        + Cues.conditionText(c).replace('_', ' ') + " ones are meant");
            }
        }
        return Optional.empty();
    }

    /**
     * "How many tickets did each subscriber open?": the word right after "did/do/does" and its subject is the question's
     * main verb, an action the subject took, not the state of the records; read as a categorical value condition it is
     * declined, unless the same value is named elsewhere in the question as a state.
     */
    private static Optional<String> actionAsValue(PlanDraft draft) {
        List<Words.Token> t = draft.tokens;
        List<Plan.Cond> all = new ArrayList<>(draft.filters);
        all.addAll(draft.numerator);
        for (int i = 0; i + 2 < t.size(); i++) {
            if (!t.get(i).is("did", "do", "does")) {
                continue;
            }
            int at = i + 1;
            while (at < t.size() && t.get(at).is("the", "a", "an", "our", "their", "its", "each", "every", "all")) {
                at++;
            }
            SemanticModel.Mention m = draft.at.get(at);
            while (m != null && m.first() == at && m.kind() == SemanticModel.Kind.VALUE) {
                at = m.last() + 1;
                m = at < t.size() ? draft.at.get(at) : null;
            }
            if (m == null || m.first() != at || m.kind() != SemanticModel.Kind.TABLE) {
                continue; // no subject noun: "did sales grow" is read elsewhere
            }
            int verb = m.last() + 1;
            SemanticModel.Mention v = verb < t.size() ? draft.at.get(verb) : null;
            if (v == null || v.first() != verb || v.kind() != SemanticModel.Kind.VALUE || v.column() == null) {
                continue;
            }
            for (Plan.Cond c : all) {
                Integer where = draft.condAt.get(c);
                if (where == null || where != verb || !v.column().equals(c.column())) {
                    continue;
                }
                boolean stated = draft.sel.stream()
                        .anyMatch(o -> o != v
                                && o.first() != verb
                                && o.kind() == SemanticModel.Kind.VALUE
                                && v.column().equals(o.column())
                                && java.util.Objects.equals(
                                        o.entry().value(), v.entry().value()));
                if (!stated) {
                    return Optional.of("\"" + t.get(verb).text() + "\" is what the "
                            + t.get(m.last()).text()
                            + " did, not the " + v.column().replace('_', ' ') + " '"
                            + v.entry().value()
                            + "' of the records");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "Prepaid customers" read as segment 'consumer' because the two words share the start of their stems: a value
     * matched only loosely is not that value when the word typed and the value are both English words of different
     * families (no shared base form or derived word); that reading is declined.
     */
    private static Optional<String> looseValue(PlanDraft draft) {
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() != SemanticModel.Kind.VALUE
                    || m.entry().match() != SemanticModel.Match.VALUE_STEM
                    || m.first() != m.last()
                    || m.entry().value() == null) {
                continue;
            }
            String typed = draft.tokens.get(m.first()).text();
            String value = m.entry().value().toLowerCase(Locale.ROOT);
            if (!value.matches("[a-z]+")
                    || !Lexicon.known(typed)
                    || !Lexicon.known(value)
                    || typed.startsWith(value)
                    || value.startsWith(Words.singular(typed))) {
                continue; // "annually" for 'annual': one word's forms
            }
            Set<String> a = new HashSet<>(Lexicon.of(typed).forms());
            a.addAll(Lexicon.of(typed).derived()); // "cancellations" and 'cancel' are one family
            for (String f : Lexicon.of(typed).forms()) {
                a.addAll(Lexicon.of(f).derived());
            }
            a.add(typed);
            a.add(Words.singular(typed));
            Set<String> b = new HashSet<>(Lexicon.of(value).forms());
            b.add(value);
            b.add(Words.singular(value));
            a.retainAll(b);
            if (a.isEmpty()) {
                return Optional.of("\"" + typed + "\" is not the " + m.column().replace('_', ' ') + " '" + value
                        + "', only a word that looks like it");
            }
        }
        return Optional.empty();
    }

    private static Set<String> stems(List<Words.Token> tokens) {
        Set<String> out = new HashSet<>();
        for (Words.Token t : tokens) {
            out.add(t.stem());
        }
        return out;
    }

    /** A mention that names records or a category (what a "which" question wants named). */
    private boolean names(SemanticModel.Mention m) {
        return m.kind() == SemanticModel.Kind.TABLE
                || m.kind() == SemanticModel.Kind.VALUE
                || m.kind() == SemanticModel.Kind.COLUMN && !model.numeric(m) && !model.temporal(m);
    }

    private static final Set<String> TIME_PARTS = java.util.stream.Stream.of(
                    "date", "at", "on", "time", "timestamp", "ts", "dt", "day", "week", "month", "quarter", "year")
            .map(Words::stem)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * "How many lines were churned each year?" planned by activation_date, "how many invoices were billed each year?"
     * by invoice_date beside billing_month: a verb form of the question (a participle, or an irregular form such as
     * "paid") whose stem or a WordNet word derived from it is the leading word of another date column of the table
     * the plan is placed in time by says which event the period means, or that two of its dates could (bill: invoice
     * for invoice_date, billing for billing_month). The plan would count the records by another event: declined.
     */
    private Optional<String> otherEventDate(PlanDraft draft) {
        String table;
        String used;
        if (draft.period != null) {
            table = draft.period.table();
            used = draft.period.column();
        } else if (draft.timeGroup != null) {
            table = draft.timeGroup.table();
            used = draft.timeGroup.column();
        } else {
            return Optional.empty();
        }
        Schema.Table t = model.schema.table(table).orElse(null);
        if (t == null) {
            return Optional.empty();
        }
        List<Schema.Column> dates = t.columns().stream()
                .filter(c -> c.type() == Schema.Type.DATE || c.type() == Schema.Type.TIMESTAMP)
                .toList();
        // the records below the counted ones ("patients were admitted": encounters.admit_at) hold events of them too
        List<Schema.Column> below = model.schema.tables().values().stream()
                .filter(o -> !o.name().equals(table)
                        && o.links().stream().anyMatch(l -> l.parent().equals(table)))
                .flatMap(o -> o.columns().stream())
                .filter(c -> c.type() == Schema.Type.DATE || c.type() == Schema.Type.TIMESTAMP)
                .toList();
        // the tables below the counted ones, for a verb naming what their records are ("guests stayed": stays)
        List<String> children = model.schema.tables().values().stream()
                .filter(o -> !o.name().equals(table)
                        && o.links().stream().anyMatch(l -> l.parent().equals(table)))
                .map(Schema.Table::name)
                .toList();
        if (dates.size() < 2 && below.isEmpty() && children.isEmpty()) {
            return Optional.empty();
        }
        if (draft.ctx.has(RATE_WORDS)) {
            return Optional.empty(); // "what percentage of orders were cancelled in 2024": the period picks the whole
        }
        for (Words.Token tok : draft.tokens) {
            if (tok.kind() != Words.Kind.WORD || !verbForm(tok.text())) {
                continue;
            }
            Set<String> keys = eventStems(tok.text());
            if (leadsWith(used, keys)
                    && dates.stream().noneMatch(c -> !c.name().equals(used) && leadsWith(c.name(), keys))) {
                // "invoices issued in 2025 that have been paid": the question names the one date it is placed by
                // itself; the other verb says a state of those records
                return Optional.empty();
            }
        }
        for (int i = 1; i < draft.tokens.size(); i++) {
            Words.Token tok = draft.tokens.get(i);
            int idx = i;
            // said as the verb of the records ("invoices were billed", "lines churned"), not as an adjective
            // ("including cancelled ones")
            boolean verb = Cues.PASSIVE.contains(draft.tokens.get(i - 1).text())
                    || draft.at.values().stream()
                            .anyMatch(m -> m.kind() == SemanticModel.Kind.TABLE && m.last() == idx - 1);
            if (tok.kind() != Words.Kind.WORD || !verb || !verbForm(tok.text())) {
                continue;
            }
            Set<String> keys = eventStems(tok.text());
            for (Schema.Column c : dates) {
                if (!c.name().equals(used) && leadsWith(c.name(), keys)) {
                    return Optional.of("\"" + tok.text() + "\" names " + table + "." + c.name() + ", not the " + used
                            + " I would place the period by");
                }
            }
            for (Schema.Column c : below) {
                if (leadsWith(c.name(), keys)) {
                    return Optional.of("\"" + tok.text() + "\" names " + c.table() + "." + c.name() + ", not the "
                            + used + " of " + table + " I would place the period by");
                }
            }
        }
        return childEvent(draft, table, used, children);
    }

    /** Verbs that only carry another verb ("did guests stay", "were admitted"), never an event themselves. */
    private static final Set<String> AUXILIARIES = java.util.stream.Stream.concat(
                    Cues.PASSIVE.stream(), java.util.stream.Stream.of("did", "do", "does", "had", "has", "have"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * "How many guests stayed each year?" placed in time by the guests' own enrolled_date: a verb said of the counted
     * records (after their noun, or after was/were/did) whose base form or WordNet derived noun names a table below
     * them (its name, or its description in the system instruction: "room_revenue … for checked_out stays") names the
     * events of that table, so the period may mean the records with such an event in it. Declined, unless the verb
     * names the counted table itself ("bookings were booked") or the date the plan is placed by ("guests enrolled").
     */
    private Optional<String> childEvent(PlanDraft draft, String table, String used, List<String> children) {
        if (children.isEmpty() || !table.equals(draft.base)) {
            return Optional.empty();
        }
        boolean did = draft.tokens.stream().anyMatch(t -> t.is("did", "does", "do"));
        for (int i = 1; i < draft.tokens.size(); i++) {
            Words.Token tok = draft.tokens.get(i);
            int idx = i;
            boolean afterRecords = draft.at.values().stream()
                    .anyMatch(m ->
                            m.kind() == SemanticModel.Kind.TABLE && m.table().equals(table) && m.last() == idx - 1);
            boolean verb = Cues.PASSIVE.contains(draft.tokens.get(i - 1).text()) && verbForm(tok.text())
                    || afterRecords
                            && (verbForm(tok.text()) || did && !tok.text().endsWith("s"));
            if (tok.kind() != Words.Kind.WORD
                    || !verb
                    || AUXILIARIES.contains(tok.text())
                    || draft.at.get(i) != null && table.equals(draft.at.get(i).table())) {
                continue;
            }
            Set<String> nouns = new HashSet<>();
            Lexicon.Alternatives alt = Lexicon.of(tok.text());
            java.util.stream.Stream.concat(alt.forms().stream(), alt.derived().stream())
                    .filter(w -> !w.contains(" "))
                    .forEach(w -> nouns.add(Words.stem(w)));
            if (!verbForm(tok.text())) {
                nouns.add(tok.stem()); // "did guests stay": the base form itself
            }
            if (nouns.isEmpty()
                    || Words.nameStems(table).stream().anyMatch(nouns::contains)
                    || leadsWith(used, nouns)) {
                continue;
            }
            String usedWord = used.replace("_", "");
            if (java.util.stream.Stream.concat(alt.forms().stream(), java.util.stream.Stream.of(tok.text()))
                    .anyMatch(f -> f.length() >= 3 && !f.contains(" ") && usedWord.startsWith(f))) {
                continue; // "accounts signed up in 2024": the verb starts the name of the date used (signup_date)
            }
            for (String child : children) {
                if (Words.nameStems(child).stream().anyMatch(nouns::contains)
                        || nouns.stream().anyMatch(n -> model.described(child, n))) {
                    return Optional.of("\"" + tok.text() + "\" names the records of " + child + ", not the " + used
                            + " of " + table + " I would place the period by");
                }
            }
        }
        return Optional.empty();
    }

    /** A participle ("churned", "billed") or an irregular inflected verb form ("paid", "sold"), not a plural noun. */
    private static boolean verbForm(String word) {
        if (word.length() > 4 && word.endsWith("ed")) {
            return true;
        }
        if (word.endsWith("s")) {
            return false;
        }
        Set<String> forms = Lexicon.of(word).forms();
        return !forms.isEmpty() && !forms.contains(word);
    }

    /** The stems a verb form may take in a column name: its own, its base forms' and its derived words' (delivery). */
    private static Set<String> eventStems(String word) {
        Set<String> out = new HashSet<>();
        out.add(Words.stem(word));
        Lexicon.Alternatives alt = Lexicon.of(word);
        java.util.stream.Stream.concat(alt.forms().stream(), alt.derived().stream())
                .filter(w -> !w.contains(" "))
                .forEach(w -> out.add(Words.stem(w)));
        return out;
    }

    /** Whether the first non-time word of a column name is one of the stems ("billing_month" for bill). */
    private static boolean leadsWith(String column, Set<String> stems) {
        List<String> parts = Words.nameStems(column).stream()
                .filter(s -> !TIME_PARTS.contains(s))
                .toList();
        return !parts.isEmpty() && stems.contains(parts.get(0));
    }

    /**
     * "How many subscriptions were cancelled each year?" planned by start_date with status = 'canceled': a value of
     * the table the plan is placed in time by, said as a passive verb form, is a state the records reach at some
     * later event. When that table has another date of the same kind as the one used and the question named none
     * of them, the count would be by when the records began, not when they reached the state: declined.
     */
    private Optional<String> stateByOtherDate(PlanDraft draft) {
        if (draft.boundTime != null || draft.metric != null || draft.firstEvent != null) {
            return Optional.empty();
        }
        String table =
                draft.period != null ? draft.period.table() : draft.timeGroup != null ? draft.timeGroup.table() : null;
        String used = draft.period != null
                ? draft.period.column()
                : draft.timeGroup != null ? draft.timeGroup.column() : null;
        Schema.Table t = table == null ? null : model.schema.table(table).orElse(null);
        Schema.Column date = t == null ? null : t.column(used).orElse(null);
        // another column of the same kind as the date used is another event (end_date beside start_date); a
        // timestamp beside a date (a flight's departure times on its flight_date) is a moment of the same one
        if (date == null
                || t.columns().stream().filter(c -> c.type() == date.type()).count() < 2) {
            return Optional.empty();
        }
        for (int i = 1; i < draft.tokens.size(); i++) {
            Words.Token tok = draft.tokens.get(i);
            SemanticModel.Mention m = draft.at.get(i);
            if (tok.kind() == Words.Kind.WORD
                    && Cues.PASSIVE.contains(draft.tokens.get(i - 1).text())
                    && verbForm(tok.text())
                    && m != null
                    && m.kind() == SemanticModel.Kind.VALUE
                    && table.equals(m.table())) {
                return Optional.of("\"" + tok.text() + "\" is a state " + table.replace('_', ' ')
                        + " reach after they begin, and I would count them by " + used);
            }
        }
        return Optional.empty();
    }

    /**
     * "How much roaming revenue did we make in 2025?", "what was our roaming revenue" matched to a learned percentage
     * (pct_overage_and_roaming): a percentage is answered only when the question says a part-of-whole word; without
     * one, "how much" (not "how much of") asks for an amount, and a name said only in part ("roaming" of "overage and
     * roaming") may be the money of that part: declined.
     */
    private static Optional<String> percentForAmount(PlanDraft draft) {
        if (draft.metric == null || !draft.metric.percent() || draft.ctx.has(RATE_WORDS)) {
            return Optional.empty();
        }
        int much = Cues.phrase(draft.tokens, "how", "much");
        boolean amount = much >= 0
                && (much + 2 >= draft.tokens.size()
                        || !draft.tokens.get(much + 2).is("of"));
        Set<String> said = new HashSet<>();
        draft.tokens.forEach(t -> said.add(t.stem()));
        boolean partly = draft.metric.stems().stream()
                .filter(w -> !w.equals("and") && !w.equals("or"))
                .anyMatch(w -> !said.contains(w));
        if (amount || partly) {
            return Optional.of("it does not ask for a percentage, and " + draft.metric.label() + " is one");
        }
        return Optional.empty();
    }
}
