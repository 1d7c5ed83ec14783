package com.capidemo.chat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a question onto a {@link Plan} over the demo's schema, or declines. The planner is deliberately strict: every
 * meaningful word of the question must be explained by a table, column, value, learned measure, period or one of the
 * analytic cue words (how many, average, by, top 5, …); a question with an unexplained word, two competing readings
 * of equal weight, or tables that cannot be joined along foreign keys is declined rather than answered with a guess.
 */
final class Planner {

    /** What the planner made of a question. */
    sealed interface Outcome permits Planned, Declined {}

    /**
     * A plan and its SQL; {@code later} is set for a comparison of two periods (plan: the earlier one), {@code measures}
     * holds one plan per measure of a question that asks for several (plan: the first one).
     */
    record Planned(Plan plan, String sql, Plan later, List<Plan> measures) implements Outcome {
        Planned {
            measures = measures == null ? List.of(plan) : List.copyOf(measures);
        }

        Planned(Plan plan, String sql, Plan later) {
            this(plan, sql, later, null);
        }

        Planned(Plan plan, String sql) {
            this(plan, sql, null);
        }
    }

    record Declined(String reason) implements Outcome {}

    /** Words of {@link #REASONING} that ask about the future or for advice: never a word of the data. */
    private static final Set<String> FUTURE = Words.set(
            "why",
            "forecast",
            "forecasts",
            "forecasting",
            "predict",
            "predicted",
            "prediction",
            "predictions",
            "projection",
            "projections",
            "projected",
            "will",
            "future",
            "likely",
            "likelihood",
            "probability",
            "probably",
            "should",
            "recommend",
            "recommendation",
            "improve",
            "optimize",
            "optimise",
            "expect",
            "expected",
            "anticipate",
            "scenario",
            "simulate",
            "guess");

    /** Words that ask for reasoning beyond the data: the future and advice, causes, risks, lifetime values. */
    private static final Set<String> REASONING = union(
            FUTURE,
            Words.set(
                    "estimate",
                    "estimated",
                    "explain",
                    "cause",
                    "caused",
                    "causes",
                    "because",
                    "correlation",
                    "correlate",
                    "correlated",
                    "lifetime",
                    "ltv",
                    "clv",
                    "churn",
                    "churned",
                    "churning",
                    "risk",
                    "drop",
                    "dropped",
                    "decline",
                    "declined",
                    "spike",
                    "anomaly",
                    "anomalies",
                    "reason",
                    "reasons"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static final Set<String> CUES = Words.set(
            "how",
            "many",
            "much",
            "number",
            "count",
            "total",
            "sum",
            "average",
            "avg",
            "mean",
            "median",
            "minimum",
            "min",
            "maximum",
            "max",
            "highest",
            "lowest",
            "most",
            "least",
            "fewest",
            "largest",
            "smallest",
            "biggest",
            "top",
            "bottom",
            "best",
            "worst",
            "distinct",
            "unique",
            "different",
            "share",
            "percent",
            "percentage",
            "proportion",
            "split",
            "breakdown",
            "distribution",
            "mix",
            "by",
            "per",
            "each",
            "every",
            "for",
            "across",
            "which",
            "what",
            "not",
            "non",
            "excluding",
            "exclude",
            "excluded",
            "except",
            "without",
            "other",
            "than",
            "no",
            "only",
            "just",
            "more",
            "less",
            "fewer",
            "greater",
            "over",
            "above",
            "under",
            "below",
            "common",
            "often",
            "frequent",
            "frequently",
            "popular",
            "rank",
            "ranked",
            "ranking",
            "rankings",
            "sort",
            "sorted",
            "year",
            "years",
            "month",
            "months",
            "quarter",
            "quarters",
            "week",
            "weeks",
            "day",
            "days",
            "and",
            "instead",
            "about",
            "same",
            "again",
            "also",
            "now",
            "then",
            "exceeding",
            "exceed",
            "exceeds",
            "up",
            "least",
            "higher",
            "lower",
            "fewer",
            "star",
            "stars",
            "ones",
            "one",
            "counting",
            "including",
            "include",
            "included",
            "vs",
            "versus",
            "whole",
            "entire",
            "full",
            "overall",
            "all",
            "together",
            "combined",
            "largest",
            "greatest",
            "compare",
            "comparison",
            "unit",
            "units",
            "event",
            "events",
            "record",
            "records",
            "entry",
            "entries",
            "row",
            "rows",
            "instance",
            "instances",
            "occurrence",
            "occurrences",
            "item",
            "items",
            "first",
            "never",
            "long",
            "hour",
            "hours",
            "minute",
            "minutes",
            "last",
            "lasts",
            "run",
            "runs",
            "rate",
            "rates",
            "fraction",
            "after",
            "before",
            "even",
            "incl",
            "inclusive",
            "well",
            "along",
            "+");

    private static final Set<String> FOLLOW_UP_LEADS = Words.set(
            "and", "what", "how", "only", "just", "now", "instead", "same", "but", "also", "then", "ok", "okay");

    private final SemanticModel model;
    private volatile java.util.Set<String> abbreviations;
    private final DataSynonyms dataSynonyms;
    private final SqlWriter writer;
    private final List<PlanStage> stages;

    Planner(SemanticModel model) {
        this.model = model;
        this.dataSynonyms = new DataSynonyms(model.schema);
        this.writer = new SqlWriter(model);
        this.stages = List.of(
                new DurationStage(model),
                new MeasureStage(model, writer),
                new GroupingStage(model),
                new PerEntityStage(model),
                new FirstEventStage(model),
                new FilterStage(model),
                new SplitStage(),
                new SegmentStage(model),
                new RatioStage(),
                new FollowUpStage(),
                new TimeStage(model),
                new CoverageStage(model),
                new RankingStage(),
                new MetricFilterStage(model),
                new PlanCheck(model),
                new NamedRatios.WholeOnly());
    }

    Outcome plan(String question, Plan previous) {
        Outcome planned = planQuestion(question, previous);
        if (planned instanceof Planned p && previous == null && !definitions) {
            Optional<String> missing = WhichAnswer.missing(model.schema, question, p);
            if (missing.isPresent()) {
                return new Declined(missing.get());
            }
        }
        return planned;
    }

    private Outcome planQuestion(String question, Plan previous) {
        // several measures asked at once are planned one by one, never read as one of them
        Outcome several = definitions
                ? null
                : MeasureList.plan(question, clause -> plan(clause, null), new SharedRecords(model, writer)::count);
        if (several != null) {
            return several;
        }
        String counts = definitions ? null : moreThan(question);
        if (counts != null
                && plan(Words.tokenize(examples(counts)), previous, true) instanceof Planned p
                && p.later() != null
                && Set.of("count", "count_distinct").contains(p.plan().measure().kind())) {
            return p;
        }
        String[] topic = definitions ? null : new AboutMost(model).topic(question);
        if (topic != null
                && plan(Words.tokenize(AboutMost.asked(topic)), previous, true) instanceof Planned p
                && AboutMost.fits(p, topic)) {
            return p;
        }
        String longest = TakesLongest.rewrite(question);
        if (!longest.equals(question)
                && plan(Words.tokenize(examples(lifetimeValue(longest))), previous, true) instanceof Planned p
                && TakesLongest.fits(p, TakesLongest.verb(question), model.schema)) {
            return p;
        }
        Outcome whole = plan(Words.tokenize(examples(lifetimeValue(question))), previous, true);
        if (whole instanceof Declined && !definitions) {
            // "what were rooms sold, occupancy and ADR in 2024": a list of measure nouns, each planned alone
            Outcome nouns = MeasureList.planNouns(question, clause -> plan(clause, null));
            if (nouns instanceof Planned) {
                return nouns;
            }
        }
        if (whole instanceof Planned one && one.measures().size() < 2 && one.later() == null && !definitions) {
            // "what were the customers and revenue in 2024" answered with revenue alone drops a measure asked for
            MeasureList.Split list = MeasureList.nouns(question);
            if (list != null && list.clauses().size() > 1) {
                Outcome nouns = MeasureList.planNouns(question, clause -> plan(clause, null));
                return nouns != null
                        ? nouns
                        : new Declined("it asks for several measures, and I could answer only one");
            }
        }
        return whole;
    }

    private static final java.util.regex.Pattern MORE_THAN = java.util.regex.Pattern.compile(
            "(?i)^\\s*(?:did|do|does|have|has)\\s+(we|they|you|i)\\s+(\\w+)\\s+(?:more|fewer)\\s+(.+?)\\s+than\\s+(.+?)"
                    + "[\\s?.]*$");

    /**
     * "Did we get more signups in 2025 than in 2024?": a comparison of two counts, asked as "How many signups did we
     * get in 2025 compared with in 2024?"; null when the question is not of that form.
     */
    static String moreThan(String question) {
        java.util.regex.Matcher m = MORE_THAN.matcher(question);
        return m.matches()
                ? "How many " + m.group(3) + " did " + m.group(1) + " " + m.group(2) + " compared with " + m.group(4)
                        + "?"
                : null;
    }

    /** Set while the system instruction's definitions are planned ("how many" + the definition's right side). */
    private boolean definitions;

    /**
     * Plans the right side of a definition of the system instruction: a count of the records the conditions name,
     * checked by the caller, so the checks that compare a plan with a user's wording do not apply.
     */
    Outcome planDefinition(String question) {
        definitions = true;
        try {
            return plan(question, null);
        } finally {
            definitions = false;
        }
    }

    /**
     * "Ended up uncollectible", "end up cancelled": the phrasal verb says what the records became ("were"), it names no
     * end date.
     */
    static List<Words.Token> endedUp(List<Words.Token> tokens) {
        List<Words.Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Words.Token t = tokens.get(i);
            if (t.is("end", "ended", "ends", "ending", "wound", "winds")
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).is("up")
                    && i + 2 < tokens.size()) {
                out.add(new Words.Token(out.size(), "were", "were", Words.Kind.WORD, false));
                i++;
                continue;
            }
            out.add(t.index() == out.size() ? t : new Words.Token(out.size(), t.text(), t.stem(), t.kind(), t.upper()));
        }
        return out.size() == tokens.size() ? tokens : out;
    }

    /**
     * "Which kind of financial aid …": "kind" before "of" is the general English word for what a schema calls a type
     * (aid_type), read as "type" when nothing in the data is named "kind" and some column's name has a part "type";
     * the question is then read as "which type of financial aid …".
     */
    private List<Words.Token> kindAsType(List<Words.Token> tokens) {
        List<Words.Token> out = null;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Words.Token t = tokens.get(i);
            if (!t.is("kind", "kinds") || !tokens.get(i + 1).is("of") || names("kind") || !typeColumn()) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(tokens);
            }
            String type = t.is("kind") ? "type" : "types";
            out.set(i, new Words.Token(i, type, Words.stem(type), t.kind(), t.upper()));
        }
        return out == null ? tokens : out;
    }

    private boolean typeColumn() {
        return model.schema.tables().values().stream()
                .flatMap(t -> t.columns().stream())
                .anyMatch(c -> List.of(c.name().split("_")).contains("type"));
    }

    /**
     * "At the end of 2024", "as of June 2024", "at the start of the quarter", "year-end": the question asks for a state
     * at a moment (what was active then), which a range filter on some date column does not give; the phrase, else
     * null.
     */
    static String pointInTime(List<Words.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Words.Token t = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
            if (t.is("as") && next.equals("of") && i + 2 < tokens.size()) {
                return "as of " + tokens.get(i + 2).text();
            }
            if (t.is("end", "start", "beginning", "close", "ending", "opening")
                    && next.equals("of")
                    && i > 0
                    && (tokens.get(i - 1).is("the")
                                    && i > 1
                                    && tokens.get(i - 2).is("at", "by", "on", "from")
                            || tokens.get(i - 1).is("at", "by"))) {
                return tokens.get(i).text() + " of";
            }
            if (t.is("year", "month", "quarter") && next.equals("end") && i + 2 < tokens.size() || t.is("yearend")) {
                return t.text() + " end";
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern EXAMPLES = java.util.regex.Pattern.compile("\\(([^()]*,[^()]*)\\)");
    private static final java.util.regex.Pattern GROUPING =
            java.util.regex.Pattern.compile("(?i)\\b(by|per|each|every|across)\\b");
    private static final Set<String> RESTRICTING =
            Words.set("only", "just", "excluding", "exclude", "except", "not", "without", "no", "but", "ignoring");

    /**
     * "Order value by shipping mode (parcel, LTL, truckload)": a list in parentheses after a grouping illustrates the
     * groups, it does not narrow them; it is left out of the question (unless it says "only", "excluding" …).
     */
    static String examples(String question) {
        java.util.regex.Matcher m = EXAMPLES.matcher(question);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            boolean grouped = GROUPING.matcher(question.substring(0, m.start())).find();
            boolean restricts = Words.tokenize(m.group(1)).stream().anyMatch(t -> RESTRICTING.contains(t.text()));
            if (grouped && !restricts) {
                out.append(question, last, m.start());
                last = m.end();
            }
        }
        out.append(question.substring(last));
        return out.toString();
    }

    /**
     * Plans the tokens of a question. When a content word names nothing in the data and {@code lexicon} is set, the
     * words the general English lexicon offers for it are tried: its base form, then words of its most common senses,
     * then words derived from those, each tier taken only when exactly one of its words names something in the data
     * (a table, column, value or measure). The question is then planned again with that word in its place; when that
     * fails too, the decline names the word the user typed.
     */
    private Outcome plan(List<Words.Token> tokens, Plan previous, boolean lexicon) {
        if (tokens.isEmpty()) {
            return new Declined("the question has no words I can work with");
        }
        List<SemanticModel.Mention> all = model.mentions(tokens, new BitSet(), CUES);
        for (Words.Token t : tokens) {
            if (REASONING.contains(t.text()) && !vocabulary(t) && !namesData(t, all) && !ofTheData(t)) {
                return new Declined(
                        "it asks for reasoning beyond the data (\"" + t.text()
                                + "\": forecasts, causes, predictions or recommendations), and I only report what the data shows");
            }
        }
        tokens = kindAsType(endedUp(tokens));
        String moment = pointInTime(tokens);
        if (moment != null) {
            return new Declined(
                    "it asks for the state at one moment (\"" + moment + "\"), and I can only count or add up"
                            + " records over a period, not say which were active at a date");
        }
        if (tokens.stream().anyMatch(t -> t.is("because"))) {
            // "because" before a reason the data records is a preposition ("for"), not a question of causes
            tokens = tokens.stream()
                    .map(t -> t.is("because") ? new Words.Token(t.index(), "for", "for", t.kind(), false) : t)
                    .toList();
        }
        BitSet protectedTokens = new BitSet();
        for (SemanticModel.Mention m : all) {
            if (!m.entry().partial() && m.entry().words().size() >= 2 && m.kind() != SemanticModel.Kind.TABLE) {
                protectedTokens.or(m.tokens());
            }
            // "billed annually": a value said next to its column is that value, not a time grouping
            if (m.kind() == SemanticModel.Kind.VALUE
                    && all.stream()
                            .anyMatch(c -> c.kind() == SemanticModel.Kind.COLUMN
                                    && c.table().equals(m.table())
                                    && c.column().equals(m.column())
                                    && (c.last() + 1 == m.first() || m.last() + 1 == c.first()))) {
                protectedTokens.or(m.tokens());
            }
        }
        List<Words.Token> said = tokens;
        for (SemanticModel.Mention m : all) {
            // "monthly and annual billing": a value listed with another value of the same column said next to it
            if (m.kind() == SemanticModel.Kind.VALUE
                    && all.stream()
                            .anyMatch(o -> o.kind() == SemanticModel.Kind.VALUE
                                    && o.table().equals(m.table())
                                    && o.column().equals(m.column())
                                    && o.first() == m.last() + 2
                                    && protectedTokens.get(o.first())
                                    && said.get(m.last() + 1).is("and", "or"))) {
                protectedTokens.or(m.tokens());
            }
        }
        for (SemanticModel.Mention m : all) {
            // "average yearly premium": a per-period word right before a column whose name holds the same period
            // (annual_premium) is part of that column's name, not a time grouping
            if (m.kind() == SemanticModel.Kind.COLUMN && m.column() != null && m.first() > 0) {
                String grain = TimeParser.grainOf(said.get(m.first() - 1).text());
                if (grain != null
                        && List.of(m.column().split("_")).stream()
                                .anyMatch(part -> grain.equals(TimeParser.grainOf(part)))) {
                    protectedTokens.set(m.first() - 1);
                }
            }
        }
        TimeParser.Result time = TimeParser.parse(tokens, protectedTokens);
        if (time.unsupported() != null) {
            return new Declined("it involves " + time.unsupported() + ", which I cannot map to the data reliably");
        }
        if (time.ranges().size() == 2 && Cues.comparison(tokens)) {
            return compare(tokens, time, previous, lexicon);
        }
        if (time.ranges().size() > 1) {
            return new Declined("it names more than one period");
        }
        return plan(tokens, time, previous, lexicon);
    }

    /**
     * "Revenue in 2024 compared with 2023", "H1 2025 vs H1 2024": the question planned once per period; both readings
     * must be the same single value apart from the period. One row: the earlier value, the later one, the change and
     * the change in percent of the earlier value.
     */
    private Outcome compare(List<Words.Token> tokens, TimeParser.Result time, Plan previous, boolean lexicon) {
        List<TimeParser.Range> ranges = new ArrayList<>(time.ranges());
        ranges.sort(Comparator.comparing(r -> r.from() == null ? java.time.LocalDate.MIN : r.from()));
        List<Planned> planned = new ArrayList<>();
        for (TimeParser.Range r : ranges) {
            Outcome o = plan(
                    tokens,
                    new TimeParser.Result(List.of(r), time.grain(), time.grainToken(), time.consumed(), null),
                    previous,
                    lexicon);
            if (o instanceof Declined) {
                return o;
            }
            if (o instanceof Planned p && p.later() != null) {
                // planned again with a word from the lexicon, which compares both periods itself
                return o;
            }
            planned.add((Planned) o);
        }
        Plan a = planned.get(0).plan();
        Plan b = planned.get(1).plan();
        if (!a.dims().isEmpty()
                || a.timeGroup() != null
                || a.limit() != null
                || a.period() == null
                || b.period() == null
                || !a.withPeriod(null).equals(b.withPeriod(null))
                || a.period().equals(b.period())) {
            return new Declined("it compares two periods, which I can only do for a single total or count");
        }
        String first = SqlWriter.columnName(a.period().label());
        String second = SqlWriter.columnName(b.period().label());
        if (first.equals(second)) {
            second = second + "_2";
        }
        String sql = "SELECT a.v AS " + first + ", b.v AS " + second
                + ", b.v - a.v AS change,\n       round(100.0 * (b.v - a.v)"
                + " / nullif(a.v, 0), 1) AS change_pct\nFROM ("
                + planned.get(0).sql().strip() + ") AS a(v)\nCROSS JOIN ("
                + planned.get(1).sql().strip() + ") AS b(v)";
        return new Planned(a, sql, b);
    }

    private Outcome plan(List<Words.Token> tokens, TimeParser.Result time, Plan previous, boolean lexicon) {
        BitSet consumed = (BitSet) time.consumed().clone();
        Question.TopN top = topN(tokens, consumed);
        if (top != null) {
            consumed.set(top.token());
        }
        List<SemanticModel.Mention> mentions = model.mentions(tokens, consumed, CUES);
        BitSet everyRow = everyRow(tokens, mentions);
        everyRow.or(ownVerbs(tokens, mentions, consumed));
        everyRow.or(cameBack(tokens, mentions, consumed));
        if (!everyRow.isEmpty()) {
            consumed.or(everyRow);
            mentions = model.mentions(tokens, consumed, CUES);
        }
        BitSet content = new BitSet();
        for (Words.Token t : tokens) {
            if (consumed.get(t.index())) {
                continue;
            }
            if (t.kind() == Words.Kind.WORD && !Words.STOP.contains(t.text()) && !CUES.contains(t.text())) {
                content.set(t.index());
            }
        }
        List<List<SemanticModel.Mention>> selections = selections(tokens, mentions, content);
        if (selections.isEmpty()) {
            String unknown = firstUncovered(tokens, mentions, content);
            Declined declined = new Declined("I don't know what \"" + unknown + "\" refers to in this dataset");
            if (lexicon) {
                java.util.Set<String> money = new java.util.TreeSet<>();
                List<Words.Token> replaced = fromLexicon(tokens, mentions, content, money);
                if (replaced != null) {
                    Outcome again = plan(replaced, previous, false);
                    String lost = again instanceof Planned p
                            ? ExcludedFlags.replacedVerb(model, tokens, replaced, p.plan())
                            : null;
                    if (lost != null) {
                        return new Declined(lost);
                    }
                    if (again instanceof Planned p && (money.isEmpty() || measures(p.plan(), money))) {
                        // a money word read as the money column is answered only with that column measured
                        return again;
                    }
                }
            }
            return declined;
        }
        Question ctx = new Question(tokens, time, top, previous);
        String firstFailure = null;
        List<Candidate> candidates = new ArrayList<>();
        double topScore = Double.NaN;
        for (List<SemanticModel.Mention> sel : selections) {
            Attempt a = build(ctx, sel);
            if (Double.isNaN(topScore)
                    && sel.stream()
                            .noneMatch(m -> m.kind() == SemanticModel.Kind.METRIC
                                    && PlanCheck.missingQualifier(m.entry().metric(), tokens) != null)) {
                // a reading with a learned measure whose qualifier the question lacks is not the natural reading
                topScore = score(sel);
            }
            if (a.failure() != null) {
                if (firstFailure == null) {
                    firstFailure = a.failure();
                }
                continue;
            }
            candidates.add(new Candidate(a.plan(), a.sql(), score(sel) + a.coherence(), sel));
        }
        if (candidates.isEmpty()) {
            return new Declined(firstFailure == null ? "I could not map it onto the data" : firstFailure);
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Candidate best = candidates.get(0);
        if (best.score < topScore - 1.5) {
            // the natural reading failed; a far weaker one that happens to work is a guess, not an answer
            return new Declined(firstFailure == null ? "I could not map it onto the data" : firstFailure);
        }
        best = ownGrouping(candidates, best);
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (best.score - c.score > 1e-6) {
                break;
            }
            if (!c.sql.equals(best.sql)) {
                return new Declined(
                        "it can be read in more than one way with this data; please name the table or column you mean");
            }
        }
        return new Planned(best.plan, best.sql);
    }

    /**
     * A value word that is also what every row of its own table is ("member": guests are members, one tier is
     * 'member') said of another table whose description says its rows are that word's ("member bookings" with
     * "bookings: reservations made by rewards members"; "how much did members spend at the spa" when the charges are
     * "posted to member stays") describes every row of that table: it adds no condition. Only right before a noun
     * naming that table, or as the subject after "did/do/does" when every other word names such tables.
     */
    /**
     * "results came back high": "back" after a form of "come" and right before a value of a column is how that value
     * is reported, no condition of its own. "customers came back" (returning ones) keeps "back" unread.
     */
    private static BitSet cameBack(List<Words.Token> tokens, List<SemanticModel.Mention> mentions, BitSet consumed) {
        BitSet out = new BitSet();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            int next = i + 1;
            if (consumed.get(i)
                    || !tokens.get(i).is("back")
                    || !tokens.get(i - 1).is("came", "come", "comes", "coming")
                    || mentions.stream().noneMatch(m -> m.kind() == SemanticModel.Kind.VALUE && m.first() == next)) {
                continue;
            }
            out.set(i);
        }
        return out;
    }

    private BitSet everyRow(List<Words.Token> tokens, List<SemanticModel.Mention> mentions) {
        BitSet out = new BitSet();
        for (SemanticModel.Mention m : mentions) {
            if (m.kind() != SemanticModel.Kind.VALUE || m.first() != m.last()) {
                continue;
            }
            int i = m.first();
            Words.Token w = tokens.get(i);
            if (!w.stem().equals(model.rowNoun(m.table()))
                    || i > 0 && tokens.get(i - 1).is("non", "not", "no", "without", "except", "excluding")) {
                continue;
            }
            boolean before = mentions.stream()
                    .anyMatch(n -> n.kind() == SemanticModel.Kind.TABLE
                            && n.first() == i + 1
                            && !n.table().equals(m.table())
                            && model.rowPhrase(n.table()).contains(w.stem()));
            List<SemanticModel.Mention> others =
                    mentions.stream().filter(n -> !n.tokens().get(i)).toList();
            boolean subject = i > 0
                    && tokens.get(i - 1).is("did", "do", "does")
                    && tokens.stream().noneMatch(x -> x.is("many", "number", "count", "counts", "each", "per", "which"))
                    && !others.isEmpty()
                    && others.stream()
                            .allMatch(n -> !n.table().equals(m.table())
                                    && model.rowPhrase(n.table()).contains(w.stem()));
            if (before || subject) {
                out.set(i);
            }
        }
        return out;
    }

    /**
     * "How many invoices were billed each year?": a passive verb right after the records it is said of, that the
     * general English lexicon relates to those records' own noun (bill: invoice), says what those records are: it adds
     * nothing, and they are placed in time by their own date. Not when anything of that table already goes by the word
     * (a billed_at column), nor when the word names something of another table on its own.
     */
    private BitSet ownVerbs(List<Words.Token> tokens, List<SemanticModel.Mention> mentions, BitSet consumed) {
        BitSet out = new BitSet();
        for (int i = 2; i < tokens.size(); i++) {
            Words.Token t = tokens.get(i);
            int idx = i;
            if (consumed.get(i)
                    || t.kind() != Words.Kind.WORD
                    || !t.text().endsWith("ed")
                    || !Cues.PASSIVE.contains(tokens.get(i - 1).text())) {
                continue;
            }
            SemanticModel.Mention subject = mentions.stream()
                    .filter(m ->
                            m.kind() == SemanticModel.Kind.TABLE && !m.entry().partial() && m.last() == idx - 2)
                    .findFirst()
                    .orElse(null);
            if (subject == null
                    || mentions.stream()
                            .anyMatch(m -> m.tokens().get(idx)
                                    && (m.table().equals(subject.table())
                                            || !m.entry().partial()
                                                    && !m.entry().weak()))) {
                continue;
            }
            List<String> own = Words.nameStems(subject.table());
            Lexicon.Alternatives alt = Lexicon.of(t.text());
            boolean related = java.util.stream.Stream.of(alt.forms(), alt.synonyms(), alt.derived())
                    .flatMap(java.util.Set::stream)
                    .anyMatch(w -> !w.contains(" ") && own.equals(List.of(Words.stem(w))));
            if (related) {
                out.set(i);
            }
        }
        return out;
    }

    /**
     * "Top 10 customers by lifetime value", "which customer has the highest LTV": ranking entities by lifetime value is
     * ranking them by everything they brought in, the house's revenue measure over all time. Without a ranking of the
     * entities themselves ("lifetime value by channel") the phrase stays what it usually is, a projection, and is
     * declined.
     */
    private static String lifetimeValue(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        boolean ranks = q.matches("(?s).*\\b(top|bottom)\\s+\\d+.*") || q.matches("(?s)^\\s*(which|who)\\b.*");
        return ranks
                ? question.replaceAll("(?i)\\b(customer\\s+)?(lifetime\\s+value|ltv|clv)\\b", "revenue")
                : question;
    }

    /**
     * The question with every content word that no mention covers replaced by the one word the lexicon offers for it
     * that names something in the data; null when a word has no such replacement or more than one.
     */
    private List<Words.Token> fromLexicon(
            List<Words.Token> tokens,
            List<SemanticModel.Mention> mentions,
            BitSet content,
            java.util.Set<String> moneyColumns) {
        if (DefinedTerms.said(model, tokens).isPresent()) {
            // "paying accounts" with "Paying account = …" defined: its words are not guessed from the dictionary
            return null;
        }
        java.util.Map<Integer, List<String>> replacements = new java.util.TreeMap<>();
        boolean moneySaid = false;
        int guesses = 0;
        boolean unitSaid = false;
        for (int i = content.nextSetBit(0); i >= 0; i = content.nextSetBit(i + 1)) {
            int idx = i;
            if (mentions.stream().anyMatch(m -> m.tokens().get(idx))) {
                continue;
            }
            if (replacements.containsKey(i)) {
                continue;
            }
            if (compoundOfValue(tokens, mentions, i)) {
                replacements.put(i, List.of()); // "mobile phones": the value 'mobile' said with its noun
                continue;
            }
            if (saidOfEveryRow(tokens, mentions, i)) {
                replacements.put(i, List.of()); // "NPS survey score": every NPS response is a survey answer
                continue;
            }
            Abbreviations.Spelled spelled = Abbreviations.around(tokens, i, abbreviations());
            if (spelled != null) {
                // "customer satisfaction score" spells out the data's "csat"
                for (int k = spelled.from(); k <= spelled.to(); k++) {
                    replacements.put(k, k == spelled.from() ? List.of(spelled.abbreviation()) : List.of());
                }
                continue;
            }
            Words.Token t = tokens.get(i);
            int counted = countedNoun(tokens, i);
            List<String> named = counted < 0 ? null : verbMeasure(tokens.get(counted), t);
            if (named != null) {
                // "how many units did we sell": the learned measure "units sold"
                replacements.put(counted, named);
                replacements.put(i, List.of());
                continue;
            }
            if (Words.MONEY.contains(t.text()) && recordsRanked(tokens, mentions, i)) {
                // "which sales channel sells the most upgrades": the records ranked are counted, not their amount
                replacements.put(i, List.of("has"));
                continue;
            }
            List<String> money = moneyColumn(tokens, mentions, t);
            if (money != null) {
                // "spend the most money on": a second word for the same amount adds nothing
                int most = superlativeAfter(tokens, i);
                if (moneySaid || money.isEmpty()) {
                    replacements.put(i, List.of());
                } else if (most >= 0) {
                    // "which brand earns the most from …": the amount is what "the most" ranks by
                    replacements.put(i, List.of());
                    List<String> ranked =
                            new ArrayList<>(List.of(tokens.get(most).text()));
                    ranked.addAll(money);
                    replacements.put(most, ranked);
                } else if (tokens.stream().noneMatch(x -> Cues.aggregate(x.text()) != null)
                        && Cues.phrase(tokens, "how", "much") < 0) {
                    // "how did billed revenue in H1 2025 compare with …": an amount of money over records adds up
                    List<String> total = new ArrayList<>(List.of("total"));
                    total.addAll(money);
                    replacements.put(i, total);
                } else {
                    replacements.put(i, money);
                }
                moneySaid = moneySaid || !money.isEmpty();
                if (!money.isEmpty()) {
                    moneyColumns.add(String.join("_", money));
                }
                continue;
            }
            if (t.upper() && t.text().length() >= 2 && t.text().length() <= 4) {
                List<String> expanded = acronym(t.text());
                if (expanded != null) {
                    // "ER visits": the acronym's compound ("emergency room") names a value of the data
                    replacements.put(i, expanded);
                    guesses++;
                    continue;
                }
            }
            Lexicon.Alternatives alt = Lexicon.of(t.text());
            String word = null;
            java.util.Set<String> synonyms = new java.util.TreeSet<>(alt.synonyms());
            for (String unit : alt.shortSynonyms()) {
                if (columnPart(unit)) {
                    synonyms.add(unit); // "kilogram" → kg where a column is spelled weight_kg
                }
            }
            String variant = spellingVariant(t.text());
            if (variant != null) {
                // "labour cost" with labor_cost: the same word spelled another way names what it names
                replacements.put(i, List.of(variant));
                continue;
            }
            for (java.util.Set<String> tier : List.of(alt.forms(), synonyms, alt.derived())) {
                java.util.Map<String, String> byStem = new java.util.TreeMap<>();
                for (String w : tier) {
                    if (!Words.STOP.contains(w)
                            && !CUES.contains(w)
                            && !REASONING.contains(w)
                            && (names(w) || alt.shortSynonyms().contains(w))) {
                        byStem.putIfAbsent(Words.stem(w), w);
                    }
                }
                if (byStem.size() > 1) {
                    return null; // two readings: a guess, not an answer
                }
                if (byStem.size() == 1) {
                    word = byStem.values().iterator().next();
                    break;
                }
            }
            if (word == null) {
                word = pertainedValue(t.text());
            }
            if (word == null) {
                word = dataSynonym(t.text()); // "reason" names the data's "cause"
            }
            if (word == null || !model.describedElsewhere(t.stem(), word).isEmpty()) {
                return null;
            }
            boolean plural = !Words.singular(t.text()).equals(t.text());
            String records = plural ? pluralTable(word) : null;
            if (records != null) {
                word = records; // "course registrations": enrollment, said in the plural, names the enrollments
            } else if (!alt.forms().contains(word) && namesValue(word) && plural) {
                // "prepaid customers" read as segment 'consumer': a plural noun that names the records is not a
                // condition a synonym happens to spell
                return null;
            }
            replacements.put(i, List.of(word));
            guesses++;
            unitSaid = unitSaid || alt.shortSynonyms().contains(word);
        }
        if (unitSaid && (guesses > 1 || mentions.stream().anyMatch(m -> m.kind() == SemanticModel.Kind.VALUE))) {
            // a unit's short name is trusted alone: not stacked on another word's dictionary reading nor on a value
            // condition the question may not mean ("our customers" read as the segment 'consumer')
            return null;
        }
        if (replacements.isEmpty()) {
            return null;
        }
        List<Words.Token> out = new ArrayList<>();
        for (Words.Token t : tokens) {
            List<String> words = replacements.get(t.index());
            if (words == null) {
                out.add(new Words.Token(out.size(), t.text(), t.stem(), t.kind(), t.upper()));
            } else {
                for (String w : words) {
                    out.add(new Words.Token(out.size(), w, Words.stem(w), Words.Kind.WORD, false));
                }
            }
        }
        return out;
    }

    /**
     * An acronym typed in capitals ("ER") that WordNet knows as the abbreviation of a compound ("emergency room") whose
     * first word is a value of the data ('emergency') and whose other words name nothing or the value's own table: that
     * value (with the table words); null when no compound or more than one reading qualifies.
     */
    private List<String> acronym(String word) {
        java.util.Set<List<String>> readings = new java.util.LinkedHashSet<>();
        for (String compound : Lexicon.expansions(word)) {
            List<String> parts = List.of(compound.split(" "));
            String first = parts.get(0);
            java.util.Set<String> tables = valueTables(first);
            if (tables.isEmpty()) {
                continue;
            }
            List<String> reading = new ArrayList<>(List.of(first));
            boolean fits = true;
            for (String rest : parts.subList(1, parts.size())) {
                java.util.Set<String> named = namedTables(rest);
                if (!named.isEmpty() && tables.containsAll(named)) {
                    reading.add(rest); // the compound's head names the value's own table
                } else if (names(rest) || namesValue(rest) || !named.isEmpty()) {
                    fits = false; // it says something more than the value: not a safe reading
                }
            }
            if (fits && !learnedOtherwise(first)) {
                readings.add(reading);
            }
        }
        return readings.size() == 1 ? readings.iterator().next() : null;
    }

    /**
     * Whether a measure learned from a golden query constrains the column of this value word with more or other than
     * "= that value" ("ed visits" = encounter_type = 'emergency' is the same rows; a definition that also counts other
     * types, or narrows further, would make the acronym a second, different count of the same thing).
     */
    private boolean learnedOtherwise(String word) {
        String stem = Words.stem(word);
        String singular = Words.singular(word);
        for (SemanticModel.Entry e : model.entries) {
            if (e.kind() != SemanticModel.Kind.VALUE
                    || e.words().size() != 1
                    || !e.words().get(0).equals(e.match() == SemanticModel.Match.SURFACE ? singular : stem)) {
                continue;
            }
            String column = e.table() + "." + e.column();
            String literal = "'" + e.value().replace("'", "''") + "'";
            for (Metric m : model.metrics) {
                if (!m.filterColumns().contains(column) || m.filters().stream().noneMatch(f -> f.contains(literal))) {
                    continue; // a measure of other values of the column counts other rows
                }
                boolean same = m.filterColumns().size() == 1
                        && m.filters().size() == 1
                        && m.filters()
                                .get(0)
                                .replaceAll("\\s+", " ")
                                .matches("(?i).*\\b" + e.column() + " = " + java.util.regex.Pattern.quote(literal)
                                        + "\\s*\\)?");
                if (!same) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The tables with a categorical value that is this one word. */
    private java.util.Set<String> valueTables(String word) {
        return entryTables(word, SemanticModel.Kind.VALUE);
    }

    /** The tables this one word names as a whole. */
    /**
     * The name of the one table whose whole name is the plural of {@code word} ("enrollment" → enrollments), or null:
     * a plural noun read so names those records, not a value spelled like it.
     */
    private String pluralTable(String word) {
        List<String> tables = model.schema.tables().keySet().stream()
                .filter(n -> n.equalsIgnoreCase(word + "s") || n.equalsIgnoreCase(word + "es"))
                .toList();
        return tables.size() == 1 ? tables.get(0) : null;
    }

    private java.util.Set<String> namedTables(String word) {
        return entryTables(word, SemanticModel.Kind.TABLE);
    }

    private java.util.Set<String> entryTables(String word, SemanticModel.Kind kind) {
        String stem = Words.stem(word);
        String singular = Words.singular(word);
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (SemanticModel.Entry e : model.entries) {
            if (e.kind() == kind
                    && e.words().size() == 1
                    && !e.partial()
                    && e.words().get(0).equals(e.match() == SemanticModel.Match.SURFACE ? singular : stem)) {
                out.add(e.table());
            }
        }
        return out;
    }

    /**
     * Generic words for money ("how much did members spend at the spa", "how much money was lost to fraud", "which
     * brand earns the most") name the money measure of the records the question is about: the words of the one money
     * column (a DECIMAL amount that adds up) among the tables the rest of the question names; null when the word is
     * not such a word, the question counts records ("how many tickets did we sell"), or there is not exactly one.
     */
    private List<String> moneyColumn(List<Words.Token> tokens, List<SemanticModel.Mention> mentions, Words.Token t) {
        if (!Words.MONEY.contains(t.text())
                || tokens.stream().anyMatch(x -> x.is("many", "number", "count", "counts"))) {
            return null;
        }
        if (mentions.stream()
                .anyMatch(m -> m.kind() == SemanticModel.Kind.METRIC
                        || m.kind() == SemanticModel.Kind.COLUMN
                                && model.numeric(m)
                                && MeasureStage.moneyLike(model.schema.column(m.table(), m.column())))) {
            return List.of(); // "which carrier did we pay the most in freight": the amount is named already
        }
        int i = t.index();
        java.util.Set<String> before = mentions.stream()
                .filter(m -> m.kind() == SemanticModel.Kind.TABLE && m.last() == i - 1)
                .map(SemanticModel.Mention::table)
                .collect(java.util.stream.Collectors.toSet());
        if (before.size() == 1
                && mentions.stream()
                        .noneMatch(m -> m.kind() != SemanticModel.Kind.TABLE
                                && m.tokens().get(i - 1))) {
            // "ancillary revenue": the money column of the table the word right before names
            String table = before.iterator().next();
            String column = MeasureStage.money(model, table);
            return column == null || pricedBelow(table, column) ? null : List.of(column.split("_"));
        }
        java.util.Set<String> found = new java.util.TreeSet<>();
        for (String table : mentions.stream()
                .filter(m -> m.kind() != SemanticModel.Kind.METRIC)
                .map(SemanticModel.Mention::table)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))) {
            String column = MeasureStage.money(model, table);
            if (column != null && pricedBelow(table, column)) {
                return null; // "which plan earns the most": its fee, or the amounts billed below it?
            }
            if (column != null) {
                found.add(column);
            }
        }
        if (found.size() != 1) {
            return moneyMeasure(mentions);
        }
        return List.of(found.iterator().next().split("_"));
    }

    /** The index of the noun right after "how many" when the verb at {@code verb} comes later, or -1. */
    private static int countedNoun(List<Words.Token> tokens, int verb) {
        for (int k = 0; k + 2 < verb; k++) {
            if (tokens.get(k).is("how") && tokens.get(k + 1).is("many")) {
                return k + 2;
            }
        }
        return -1;
    }

    /**
     * A money verb said of the noun a count asks for ("how many units did we sell") names the one learned measure
     * called by that noun and a form of that verb ("units sold"): its words, or null when there is not exactly one.
     */
    private List<String> verbMeasure(Words.Token noun, Words.Token verb) {
        if (!Words.MONEY.contains(verb.text()) || noun.kind() != Words.Kind.WORD) {
            return null;
        }
        java.util.Set<String> verbForms =
                new java.util.TreeSet<>(Lexicon.of(verb.text()).forms());
        verbForms.add(verb.text());
        List<Metric> found = new ArrayList<>();
        for (Metric m : model.metrics) {
            String[] words = m.name().split("_");
            if (words.length == 2
                    && Words.stem(words[0]).equals(noun.stem())
                    && !words[1].equals(verb.text())
                    && (verbForms.contains(words[1])
                            || Lexicon.of(words[1]).forms().stream().anyMatch(verbForms::contains))) {
                found.add(m);
            }
        }
        return found.size() == 1 ? List.of(found.get(0).name().split("_")) : null;
    }

    /** Name parts of a money column that is a price or a rate per period, not an amount of its own records. */
    private static final java.util.Set<String> PRICE_PARTS = java.util.stream.Stream.concat(
                    Cues.PER_PERIOD.stream(), java.util.stream.Stream.of("price", "fee", "fees", "rate", "tariff"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Whether records referring to this table along foreign keys hold money of their own (plans: a monthly fee, and
     * the invoices of their subscribers): what such a table "earns" or "brings in" may be either, so an everyday money
     * word does not pick its column. Only when that column is a price (a name part such as price, fee, rate or a
     * period like monthly): a table of events whose own amount is the money ("ticket revenue": a booking's fare, with
     * extras sold below it) keeps its column.
     */
    private boolean pricedBelow(String table, String column) {
        if (java.util.Collections.disjoint(List.of(column.split("_")), PRICE_PARTS)) {
            return false;
        }
        for (String other : model.schema.tables().keySet()) {
            if (!other.equals(table)
                    && model.schema.tables().get(other).columns().stream().anyMatch(MeasureStage::moneyLike)
                    && model.schema.pathUp(other, table).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a plan aggregates one of these columns (not a count or share of the records that hold them). */
    private static boolean measures(Plan plan, java.util.Set<String> columns) {
        return plan.measure() != null
                && (plan.measure().column() != null
                                && columns.contains(plan.measure().column())
                        || plan.measure().metric() != null
                                && columns.contains(plan.measure().metric()));
    }

    /**
     * A money verb before "the most"/"the least" and a noun naming records ("which sales channel sells the most
     * upgrades", a value or a table right after): the ranking counts those records; the verb names no amount.
     */
    private static boolean recordsRanked(List<Words.Token> tokens, List<SemanticModel.Mention> mentions, int verb) {
        int most = superlativeAfter(tokens, verb);
        return most >= 0
                && most + 1 < tokens.size()
                && mentions.stream()
                        .anyMatch(m -> m.first() == most + 1
                                && (m.kind() == SemanticModel.Kind.TABLE || m.kind() == SemanticModel.Kind.VALUE))
                && mentions.stream()
                        .noneMatch(m -> m.tokens().get(most + 1)
                                && (m.kind() == SemanticModel.Kind.METRIC || m.kind() == SemanticModel.Kind.COLUMN));
    }

    /**
     * When the tables the question names hold no single money column ("how much did we sell", orders with a subtotal,
     * tax, discounts and a total), the one learned measure over them called by a money word ("gross revenue"): its
     * words; null when there is none or more than one.
     */
    private List<String> moneyMeasure(List<SemanticModel.Mention> mentions) {
        java.util.Set<String> tables = mentions.stream()
                .filter(m -> m.kind() != SemanticModel.Kind.METRIC)
                .map(SemanticModel.Mention::table)
                .collect(java.util.stream.Collectors.toSet());
        List<Metric> found = model.metrics.stream()
                .filter(m -> tables.contains(m.base())
                        && !m.percent()
                        && java.util.Arrays.stream(m.name().split("_")).anyMatch(Words.MONEY::contains))
                .toList();
        return found.size() == 1 ? List.of(found.get(0).name().split("_")) : null;
    }

    /** The index of "most" or "least" right after a verb ("earns the most"), or -1. */
    private static int superlativeAfter(List<Words.Token> tokens, int verb) {
        int j = verb + 1;
        if (j < tokens.size() && tokens.get(j).is("the")) {
            j++;
        }
        return j < tokens.size() && tokens.get(j).is("most", "least") ? j : -1;
    }

    /**
     * A noun that makes one dictionary compound with the value word right before it ("mobile phones" with device
     * 'mobile') says that value again: it adds nothing to the condition.
     */
    private static boolean compoundOfValue(List<Words.Token> tokens, List<SemanticModel.Mention> mentions, int i) {
        if (i == 0 || tokens.get(i).kind() != Words.Kind.WORD) {
            return false;
        }
        Words.Token before = tokens.get(i - 1);
        boolean value = mentions.stream()
                .anyMatch(m -> m.kind() == SemanticModel.Kind.VALUE && m.last() == i - 1 && m.first() == i - 1);
        if (!value) {
            return false;
        }
        java.util.Set<String> forms =
                new java.util.TreeSet<>(Lexicon.of(tokens.get(i).text()).forms());
        forms.add(tokens.get(i).text());
        return forms.stream().anyMatch(f -> Lexicon.knownNoun(before.text() + " " + f));
    }

    /**
     * A word that modifies the noun a table's description says every row is ("nps_responses: Net Promoter Score survey
     * answers"), said right before a word naming that table or one of its columns ("NPS survey score"), says nothing
     * about which rows: it adds no condition.
     */
    private boolean saidOfEveryRow(List<Words.Token> tokens, List<SemanticModel.Mention> mentions, int i) {
        Words.Token t = tokens.get(i);
        if (t.kind() != Words.Kind.WORD) {
            return false;
        }
        return mentions.stream()
                .anyMatch(m -> m.first() == i + 1
                        && (m.kind() == SemanticModel.Kind.TABLE || m.kind() == SemanticModel.Kind.COLUMN)
                        && model.rowModifiers(m.table()).contains(t.stem()));
    }

    /**
     * "Most common reason" over delay_cause: the one word of the data (a name part or value that a single-word entry
     * names) whose most common senses list the question's word; null when none or several do.
     */
    private String dataSynonym(String word) {
        java.util.Map<String, String> byStem = new java.util.TreeMap<>();
        for (String d : dataSynonyms.of(word)) {
            if (!CUES.contains(d) && namedAlone(d)) {
                byStem.putIfAbsent(Words.stem(d), d);
            }
        }
        return byStem.size() == 1 ? byStem.values().iterator().next() : null;
    }

    /** A word that a one-word entry of the lexicon names, whole or part of a longer name (the cause of delay_cause). */
    private boolean namedAlone(String word) {
        String stem = Words.stem(word);
        String singular = Words.singular(word);
        return model.entries.stream()
                .anyMatch(e -> e.words().size() == 1
                        && e.words().get(0).equals(e.match() == SemanticModel.Match.SURFACE ? singular : stem));
    }

    private java.util.Set<String> abbreviations() {
        if (abbreviations == null) {
            abbreviations = Abbreviations.of(model);
        }
        return abbreviations;
    }

    /**
     * "Japanese titles", "German accounts": the one noun an adjective pertains to in WordNet (Japan, Germany) that on
     * its own names a value of a country column ('JP'); null when none or several do.
     */
    private String pertainedValue(String adjective) {
        java.util.Map<String, String> byStem = new java.util.TreeMap<>();
        for (String w : Lexicon.pertainyms(adjective)) {
            if (namesCountry(w) && !Words.STOP.contains(w) && !CUES.contains(w)) {
                byStem.putIfAbsent(Words.stem(w), w);
            }
        }
        return byStem.size() == 1 ? byStem.values().iterator().next() : null;
    }

    /** A word that on its own names a value of a column named for a country. */
    private boolean namesCountry(String word) {
        String singular = Words.singular(word);
        return model.entries.stream()
                .anyMatch(e -> e.kind() == SemanticModel.Kind.VALUE
                        && e.column() != null
                        && e.column().toLowerCase(Locale.ROOT).contains("country")
                        && e.match() == SemanticModel.Match.SURFACE
                        && e.words().equals(List.of(singular)));
    }

    /** A word that on its own names a value of the data. */
    private boolean namesValue(String word) {
        String stem = Words.stem(word);
        String singular = Words.singular(word);
        for (SemanticModel.Entry e : model.entries) {
            if (e.kind() == SemanticModel.Kind.VALUE
                    && e.words().size() == 1
                    && e.words().get(0).equals(e.match() == SemanticModel.Match.SURFACE ? singular : stem)) {
                return true;
            }
        }
        return false;
    }

    /** A word that is on its own the full name of a table, column, value or measure of the data. */
    /** Whether a word is a whole underscore-separated part of a column name of the schema ("kg" of weight_kg). */
    private boolean columnPart(String word) {
        return model.schema.tables().values().stream()
                .flatMap(t -> t.columns().stream())
                .anyMatch(c ->
                        List.of(c.name().toLowerCase(Locale.ROOT).split("_")).contains(word));
    }

    /**
     * The one other spelling WordNet gives of a word (or of its base form) that is a word of some table, column,
     * value or measure name of the data, even as a part of it ("labor" of labor_cost); null when none or several.
     */
    private String spellingVariant(String typed) {
        String found = null;
        for (String v : SpellingVariants.of(typed)) {
            if (!namesPart(v)) {
                continue;
            }
            if (found != null && !Words.stem(found).equals(Words.stem(v))) {
                return null;
            }
            found = v;
        }
        return found;
    }

    private boolean namesPart(String word) {
        String stem = Words.stem(word);
        String singular = Words.singular(word);
        return model.entries.stream()
                .anyMatch(
                        e -> !e.weak() && (e.words().contains(stem) || e.words().contains(singular)));
    }

    private boolean names(String word) {
        String stem = Words.stem(word);
        String singular = Words.singular(word);
        for (SemanticModel.Entry e : model.entries) {
            if (e.words().size() == 1
                    && !e.partial()
                    && !e.weak()
                    && e.words().get(0).equals(e.match() == SemanticModel.Match.SURFACE ? singular : stem)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Because" introducing a value of a column named for a reason or cause ("cancellations because it was too
     * expensive" with cancel_reason 'too_expensive') asks which records have that value, not why.
     */
    private static boolean namesData(Words.Token t, List<SemanticModel.Mention> all) {
        return t.is("because")
                && all.stream()
                        .anyMatch(m -> m.kind() == SemanticModel.Kind.VALUE
                                && m.first() > t.index()
                                && m.first() <= t.index() + 5
                                && Words.nameStems(m.column()).stream()
                                        .anyMatch(
                                                w -> w.equals(Words.stem("reason")) || w.equals(Words.stem("cause"))));
    }

    /**
     * "How many customers have churned?" where a table's description says "canceled (the customer churned)", "the most
     * common reason flights are delayed" over delay_cause: a word of the reasoning list that the data's own table
     * descriptions use, or that is a WordNet synonym of a word the data is named with, asks about the data. Words that
     * ask about the future or for advice ("why", "will", "forecast", "should" …) always ask for reasoning.
     */
    private boolean ofTheData(Words.Token t) {
        if (FUTURE.contains(t.text())) {
            return false;
        }
        return dataSynonym(t.text()) != null
                || model.schema.tables().keySet().stream().anyMatch(table -> model.described(table, t.stem()));
    }

    private boolean vocabulary(Words.Token t) {
        for (SemanticModel.Entry e : model.entries) {
            if (e.words().size() == 1
                    && e.words()
                            .get(0)
                            .equals(e.match() == SemanticModel.Match.SURFACE ? Words.singular(t.text()) : t.stem())) {
                return true;
            }
        }
        return false;
    }

    private record Candidate(Plan plan, String sql, double score, List<SemanticModel.Mention> sel) {}

    /**
     * "Deposits our branches in each state hold": among the best readings, which differ only in the table whose
     * column groups them (the state of branches or of customers), the one reading whose every grouping column belongs
     * to a table the question names by itself is the entity's own. The others are dropped; with none or several such
     * readings all are kept (and the question declines as ambiguous), as they are for a learned measure, whose
     * golden definition may not be the one the system instruction gives.
     */
    private static Plan withoutGroupingTables(Plan p) {
        return new Plan(
                p.base(),
                p.measure(),
                p.dims().stream()
                        .map(d -> new Plan.Dim(null, d.column(), d.entity()))
                        .toList(),
                p.timeGroup(),
                p.filters(),
                p.period(),
                p.limit(),
                p.ascending(),
                p.share(),
                p.numerator(),
                p.firstEvent());
    }

    private static Candidate ownGrouping(List<Candidate> candidates, Candidate best) {
        List<Candidate> tied = new ArrayList<>();
        for (Candidate c : candidates) {
            if (best.score - c.score <= 1e-6) {
                tied.add(c);
            }
        }
        if (tied.size() < 2 || tied.stream().map(Candidate::sql).distinct().count() < 2) {
            return best;
        }
        Plan shape = withoutGroupingTables(best.plan);
        List<Candidate> own = new ArrayList<>();
        for (Candidate c : tied) {
            if (c.plan.dims().isEmpty()
                    || "metric".equals(c.plan.measure().kind())
                    || c.plan.dims().stream().anyMatch(d -> d.column() == null)
                    || !shape.equals(withoutGroupingTables(c.plan))) {
                return best;
            }
            boolean named = c.plan.dims().stream()
                    .allMatch(d -> c.sel.stream()
                            .anyMatch(m -> m.kind() == SemanticModel.Kind.TABLE
                                    && d.table().equals(m.table())));
            if (named) {
                own.add(c);
            }
        }
        if (own.size() != 1) {
            return best;
        }
        Candidate chosen = own.get(0);
        candidates.removeIf(c -> c != chosen && best.score - c.score <= 1e-6);
        return chosen;
    }

    /** A reading planned (plan and SQL, with how well its parts fit together) or the reason it fails. */
    private record Attempt(Plan plan, String sql, String failure, double coherence) {
        static Attempt fail(String why) {
            return new Attempt(null, null, why, 0);
        }
    }

    // ---------------------------------------------------------------------------------------------- top N

    private static Question.TopN topN(List<Words.Token> tokens, BitSet consumed) {
        boolean superlative = tokens.stream()
                .anyMatch(t -> Cues.SUPERLATIVE_DESC.contains(t.text()) || Cues.SUPERLATIVE_ASC.contains(t.text()));
        for (Words.Token t : tokens) {
            if (!t.isNumber() || consumed.get(t.index()) || t.text().contains(".")) {
                continue;
            }
            String prev = t.index() > 0 ? tokens.get(t.index() - 1).text() : "";
            String next =
                    t.index() + 1 < tokens.size() ? tokens.get(t.index() + 1).text() : "";
            int n = (int) t.number();
            if (n < 1 || n > 100) {
                continue;
            }
            if (prev.equals("top") || prev.equals("first")) {
                return new Question.TopN(t.index(), n, false);
            }
            if (prev.equals("bottom")) {
                return new Question.TopN(t.index(), n, true);
            }
            if (Cues.SUPERLATIVE_DESC.contains(next) || next.equals("most")) {
                return new Question.TopN(t.index(), n, false);
            }
            if (Cues.SUPERLATIVE_ASC.contains(next)) {
                return new Question.TopN(t.index(), n, true);
            }
            if (superlative
                    && (prev.equals("which")
                            || prev.equals("the")
                            || prev.equals("what")
                            || prev.equals("list")
                            || prev.equals("show")
                            || prev.equals("name")
                            || prev.equals("are")
                            || prev.equals("were"))) {
                boolean asc = tokens.stream().anyMatch(x -> Cues.SUPERLATIVE_ASC.contains(x.text()));
                return new Question.TopN(t.index(), n, asc);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- selections

    /**
     * Sets of non-overlapping mentions that explain every content token, best first (at most a few dozen). Mentions
     * that cover only cue or stop words are offered too, so "total price" can be a column and not a sum cue.
     */
    private List<List<SemanticModel.Mention>> selections(
            List<Words.Token> tokens, List<SemanticModel.Mention> mentions, BitSet content) {
        List<List<SemanticModel.Mention>> out = new ArrayList<>();
        List<SemanticModel.Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingDouble(SemanticModel.Mention::score).reversed());
        search(tokens, sorted, content, 0, new ArrayList<>(), new BitSet(), out);
        out.sort(Comparator.comparingDouble(Planner::score).reversed());
        return out.size() > 48 ? out.subList(0, 48) : out;
    }

    private void search(
            List<Words.Token> tokens,
            List<SemanticModel.Mention> mentions,
            BitSet content,
            int from,
            List<SemanticModel.Mention> chosen,
            BitSet covered,
            List<List<SemanticModel.Mention>> out) {
        if (out.size() >= 400) {
            return;
        }
        int next = -1;
        for (int i = from; i < tokens.size(); i++) {
            if (!covered.get(i) && (content.get(i) || optionalCovered(mentions, i, covered))) {
                next = i;
                break;
            }
        }
        if (next < 0) {
            out.add(List.copyOf(chosen));
            return;
        }
        boolean any = false;
        for (SemanticModel.Mention m : mentions) {
            if (!m.tokens().get(next) || m.tokens().intersects(covered)) {
                continue;
            }
            any = true;
            chosen.add(m);
            covered.or(m.tokens());
            search(tokens, mentions, content, next + 1, chosen, covered, out);
            covered.andNot(m.tokens());
            chosen.remove(chosen.size() - 1);
        }
        if (!content.get(next)) {
            search(tokens, mentions, content, next + 1, chosen, covered, out);
        } else if (!any) {
            return;
        }
    }

    private static boolean optionalCovered(List<SemanticModel.Mention> mentions, int i, BitSet covered) {
        for (SemanticModel.Mention m : mentions) {
            if (m.tokens().get(i) && !m.tokens().intersects(covered)) {
                return true;
            }
        }
        return false;
    }

    private static double score(List<SemanticModel.Mention> sel) {
        double s = 0;
        for (SemanticModel.Mention m : sel) {
            s += m.score();
        }
        return s;
    }

    private static String firstUncovered(
            List<Words.Token> tokens, List<SemanticModel.Mention> mentions, BitSet content) {
        for (int i = content.nextSetBit(0); i >= 0; i = content.nextSetBit(i + 1)) {
            int idx = i;
            if (mentions.stream().noneMatch(m -> m.tokens().get(idx))) {
                return tokens.get(i).text();
            }
        }
        int first = content.nextSetBit(0);
        return first < 0 ? "?" : tokens.get(first).text();
    }

    // ---------------------------------------------------------------------------------------------- building

    private Attempt build(Question ctx, List<SemanticModel.Mention> sel) {
        PlanDraft draft = new PlanDraft(ctx, sel, ctx.previous() != null && isFollowUp(ctx));
        draft.definition = definitions;
        if (draft.metrics.size() > 1) {
            return Attempt.fail("it asks for more than one measure at once; please ask for one at a time");
        }
        for (PlanStage stage : stages) {
            Optional<String> failure = stage.apply(draft);
            if (failure.isPresent()) {
                return Attempt.fail(failure.get());
            }
        }
        Plan plan = draft.plan();
        Optional<String> sql = writer.write(plan, draft.namedTables());
        if (sql.isEmpty()) {
            return Attempt.fail("the tables involved cannot be joined unambiguously");
        }
        double coherence = 0;
        for (SemanticModel.Mention m : sel) {
            if (draft.base.equals(m.table())) {
                coherence += 0.01;
            }
        }
        if (draft.boundTime != null) {
            coherence += 0.2;
        }
        return new Attempt(plan, sql.get(), null, coherence);
    }

    private static boolean isFollowUp(Question ctx) {
        if (ctx.tokens().size() > 12) {
            return false;
        }
        String first = ctx.text(0);
        return FOLLOW_UP_LEADS.contains(first)
                || ctx.has("instead")
                || ctx.tokens().size() <= 6;
    }
}
