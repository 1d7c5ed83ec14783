package com.capidemo.shared.chat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    sealed interface Outcome permits Planned, Declined {
    }

    record Planned(Plan plan, String sql) implements Outcome {
    }

    record Declined(String reason) implements Outcome {
    }

    private static final Set<String> REASONING = Words.set("why", "forecast", "forecasts", "forecasting", "predict",
            "predicted", "prediction", "predictions", "projection", "projections", "projected", "will", "future",
            "likely", "likelihood", "probability", "probably", "estimate", "estimated", "should", "recommend",
            "recommendation", "explain", "cause", "caused", "causes", "because", "correlation", "correlate",
            "correlated", "improve", "optimize", "optimise", "expect", "expected", "anticipate",
            "scenario", "simulate", "guess", "lifetime", "ltv", "clv", "churn", "churned", "churning", "risk",
            "drop", "dropped", "decline", "declined", "spike", "anomaly", "anomalies", "reason", "reasons");

    private static final Set<String> CUES = Words.set("how", "many", "much", "number", "count", "total", "sum", "average",
            "avg", "mean", "median", "minimum", "min", "maximum", "max", "highest", "lowest", "most", "least", "fewest",
            "largest", "smallest", "biggest", "top", "bottom", "best", "worst", "distinct", "unique", "different",
            "share", "percent", "percentage", "proportion", "split", "breakdown", "distribution", "mix", "by", "per",
            "each", "every", "for", "across", "which", "what", "not", "non", "excluding", "exclude", "excluded",
            "except", "without", "other", "than", "no", "only", "just", "more", "less", "fewer", "greater", "over",
            "above", "under", "below", "common", "often", "frequent", "frequently", "popular", "rank", "ranked",
            "ranking", "rankings", "sort", "sorted", "year", "years", "month", "months", "quarter",
            "quarters", "week", "weeks", "day", "days", "and", "instead", "about", "same", "again", "also", "now",
            "then", "exceeding", "exceed", "exceeds", "up", "least", "higher", "lower", "fewer", "star", "stars",
            "ones", "one", "counting", "including", "include", "included", "vs", "versus", "whole", "entire", "full",
            "overall", "all", "together", "combined", "largest", "greatest", "compare", "comparison", "unit", "units",
            "event", "events", "record", "records", "entry", "entries", "row", "rows", "instance", "instances",
            "occurrence", "occurrences", "item", "items");

    private static final Set<String> SUPERLATIVE_DESC = Words.set("most", "highest", "largest", "biggest", "top", "best",
            "greatest", "maximum", "max");
    private static final Set<String> SUPERLATIVE_ASC = Words.set("least", "lowest", "fewest", "smallest", "bottom", "worst",
            "minimum", "min");
    private static final Set<String> NEGATIONS = Words.set("not", "non", "excluding", "exclude", "excluded", "except",
            "without", "no");
    private static final Set<String> GROUP_CUES = Words.set("by", "per", "each", "every", "across");
    private static final Set<String> UNITS = Words.set("year", "years", "month", "months", "quarter", "quarters", "week",
            "weeks", "day", "days");
    private static final Set<String> SHARE_CUES = Words.set("share", "percentage", "percent", "proportion", "distribution",
            "breakdown", "split", "mix");
    private static final Set<String> FOLLOW_UP_LEADS = Words.set("and", "what", "how", "only", "just", "now", "instead",
            "same", "but", "also", "then", "ok", "okay");

    private final SemanticModel model;
    private final SqlWriter writer;

    Planner(SemanticModel model) {
        this.model = model;
        this.writer = new SqlWriter(model);
    }

    Outcome plan(String question, Plan previous) {
        List<Words.Token> tokens = Words.tokenize(question);
        if (tokens.isEmpty()) {
            return new Declined("the question has no words I can work with");
        }
        for (Words.Token t : tokens) {
            if (REASONING.contains(t.text()) && !vocabulary(t)) {
                return new Declined("it asks for reasoning beyond the data (\"" + t.text()
                        + "\": forecasts, causes, predictions or recommendations), and I only report what the data shows");
            }
        }
        List<SemanticModel.Mention> all = model.mentions(tokens, new BitSet(), CUES);
        BitSet protectedTokens = new BitSet();
        for (SemanticModel.Mention m : all) {
            if (!m.entry().partial() && m.entry().words().size() >= 2 && m.kind() != SemanticModel.Kind.TABLE) {
                protectedTokens.or(m.tokens());
            }
        }
        TimeParser.Result time = TimeParser.parse(tokens, protectedTokens);
        if (time.unsupported() != null) {
            return new Declined("it involves " + time.unsupported() + ", which I cannot map to the data reliably");
        }
        if (time.ranges().size() > 1) {
            return new Declined("it names more than one period");
        }
        BitSet consumed = (BitSet) time.consumed().clone();
        TopN top = topN(tokens, consumed);
        if (top != null) {
            consumed.set(top.token);
        }
        List<SemanticModel.Mention> mentions = model.mentions(tokens, consumed, CUES);
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
            return new Declined("I don't know what \"" + unknown + "\" refers to in this dataset");
        }
        Context ctx = new Context(tokens, time, top, previous);
        String firstFailure = null;
        List<Candidate> candidates = new ArrayList<>();
        for (List<SemanticModel.Mention> sel : selections) {
            Attempt a = build(ctx, sel);
            if (a.failure != null) {
                if (firstFailure == null) {
                    firstFailure = a.failure;
                }
                continue;
            }
            candidates.add(new Candidate(a.plan, a.sql, score(sel) + a.coherence));
        }
        if (candidates.isEmpty()) {
            return new Declined(firstFailure == null ? "I could not map it onto the data" : firstFailure);
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Candidate best = candidates.get(0);
        double topScore = score(selections.get(0));
        if (best.score < topScore - 1.5) {
            // the natural reading failed; a far weaker one that happens to work is a guess, not an answer
            return new Declined(firstFailure == null ? "I could not map it onto the data" : firstFailure);
        }
        for (int i = 1; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (best.score - c.score > 1e-6) {
                break;
            }
            if (!c.sql.equals(best.sql)) {
                return new Declined("it can be read in more than one way with this data; please name the table or column you mean");
            }
        }
        return new Planned(best.plan, best.sql);
    }

    private boolean vocabulary(Words.Token t) {
        for (SemanticModel.Entry e : model.entries) {
            if (e.words().size() == 1 && e.words().get(0).equals(
                    e.match() == SemanticModel.Match.SURFACE ? Words.singular(t.text()) : t.stem())) {
                return true;
            }
        }
        return false;
    }

    private record Candidate(Plan plan, String sql, double score) {
    }

    private record TopN(int token, int n, boolean ascending) {
    }

    private record Context(List<Words.Token> tokens, TimeParser.Result time, TopN top, Plan previous) {
        String text(int i) {
            return i >= 0 && i < tokens.size() ? tokens.get(i).text() : "";
        }

        boolean has(Set<String> words) {
            return tokens.stream().anyMatch(t -> words.contains(t.text()));
        }

        boolean has(String word) {
            return tokens.stream().anyMatch(t -> t.text().equals(word));
        }

        int indexOf(String word) {
            for (Words.Token t : tokens) {
                if (t.text().equals(word)) {
                    return t.index();
                }
            }
            return -1;
        }
    }

    private static final class Attempt {
        Plan plan;
        String sql;
        String failure;
        double coherence;

        static Attempt fail(String why) {
            Attempt a = new Attempt();
            a.failure = why;
            return a;
        }
    }

    // ---------------------------------------------------------------------------------------------- top N

    private static TopN topN(List<Words.Token> tokens, BitSet consumed) {
        boolean superlative = tokens.stream().anyMatch(t -> SUPERLATIVE_DESC.contains(t.text())
                || SUPERLATIVE_ASC.contains(t.text()));
        for (Words.Token t : tokens) {
            if (!t.isNumber() || consumed.get(t.index()) || t.text().contains(".")) {
                continue;
            }
            String prev = t.index() > 0 ? tokens.get(t.index() - 1).text() : "";
            String next = t.index() + 1 < tokens.size() ? tokens.get(t.index() + 1).text() : "";
            int n = (int) t.number();
            if (n < 1 || n > 100) {
                continue;
            }
            if (prev.equals("top") || prev.equals("first")) {
                return new TopN(t.index(), n, false);
            }
            if (prev.equals("bottom")) {
                return new TopN(t.index(), n, true);
            }
            if (SUPERLATIVE_DESC.contains(next) || next.equals("most")) {
                return new TopN(t.index(), n, false);
            }
            if (SUPERLATIVE_ASC.contains(next)) {
                return new TopN(t.index(), n, true);
            }
            if (superlative && (prev.equals("which") || prev.equals("the") || prev.equals("what") || prev.equals("list")
                    || prev.equals("show") || prev.equals("name") || prev.equals("are") || prev.equals("were"))) {
                boolean asc = tokens.stream().anyMatch(x -> SUPERLATIVE_ASC.contains(x.text()));
                return new TopN(t.index(), n, asc);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- selections

    /**
     * Sets of non-overlapping mentions that explain every content token, best first (at most a few dozen). Mentions
     * that cover only cue or stop words are offered too, so "total price" can be a column and not a sum cue.
     */
    private List<List<SemanticModel.Mention>> selections(List<Words.Token> tokens, List<SemanticModel.Mention> mentions,
                                                         BitSet content) {
        List<List<SemanticModel.Mention>> out = new ArrayList<>();
        List<SemanticModel.Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingDouble(SemanticModel.Mention::score).reversed());
        search(tokens, sorted, content, 0, new ArrayList<>(), new BitSet(), out);
        out.sort(Comparator.comparingDouble(Planner::score).reversed());
        return out.size() > 48 ? out.subList(0, 48) : out;
    }

    private void search(List<Words.Token> tokens, List<SemanticModel.Mention> mentions, BitSet content, int from,
                        List<SemanticModel.Mention> chosen, BitSet covered, List<List<SemanticModel.Mention>> out) {
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

    private static String firstUncovered(List<Words.Token> tokens, List<SemanticModel.Mention> mentions, BitSet content) {
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

    private Attempt build(Context ctx, List<SemanticModel.Mention> sel) {
        List<Words.Token> tokens = ctx.tokens;
        Set<SemanticModel.Mention> used = new HashSet<>();
        Map<Integer, SemanticModel.Mention> at = new LinkedHashMap<>();
        for (SemanticModel.Mention m : sel) {
            for (int i = m.tokens().nextSetBit(0); i >= 0; i = m.tokens().nextSetBit(i + 1)) {
                at.put(i, m);
            }
        }
        List<SemanticModel.Mention> metrics = sel.stream().filter(m -> m.kind() == SemanticModel.Kind.METRIC).toList();
        if (metrics.size() > 1) {
            return Attempt.fail("it asks for more than one measure at once; please ask for one at a time");
        }
        boolean followUp = ctx.previous != null && isFollowUp(ctx, sel);

        // ---- measure and base table
        Plan.Measure measure = null;
        String base = null;
        Metric metric = null;
        boolean countCue = ctx.has("many") && ctx.has("how") || phrase(tokens, "number", "of") >= 0
                || phrase(tokens, "count", "of") >= 0 || startsWith(tokens, "count");
        int howMuch = phrase(tokens, "how", "much");
        if (!metrics.isEmpty()) {
            SemanticModel.Mention mm = metrics.get(0);
            metric = mm.entry().metric();
            if (mm.entry().partial()) {
                Metric chosen = preferredMetric(mm.entry().words().get(0));
                if (chosen != metric) {
                    return Attempt.fail("ambiguous measure");
                }
            }
            String agg = aggregateBefore(tokens, mm.first(), at);
            if (agg != null && !agg.equals("sum") && !mm.entry().words().contains(Words.stem(aggWord(agg)))) {
                return Attempt.fail("it asks for the " + agg + " of " + metric.label() + ", which is already a calculated measure");
            }
            measure = new Plan.Measure("metric", metric.base(), null, metric.name());
            base = metric.base();
            used.add(mm);
        }
        if (measure == null) {
            // aggregate cue + numeric column; explicit ones ("average") before superlatives ("highest average …")
            List<Words.Token> cueOrder = new ArrayList<>();
            tokens.stream().filter(t -> aggregate(t.text()) != null && !SUPERLATIVE_DESC.contains(t.text())
                    && !SUPERLATIVE_ASC.contains(t.text()) || t.is("maximum", "max", "minimum", "min")).forEach(cueOrder::add);
            tokens.stream().filter(t -> !cueOrder.contains(t)).forEach(cueOrder::add);
            for (Words.Token t : cueOrder) {
                String agg = aggregate(t.text());
                boolean much = howMuch >= 0 && t.index() == howMuch + 1;
                if (agg == null && !much) {
                    continue;
                }
                if (agg == null) {
                    agg = "sum";
                }
                SemanticModel.Mention own = at.get(t.index());
                SemanticModel.Mention col;
                if (own != null && own.first() == t.index() && own.kind() == SemanticModel.Kind.COLUMN && numeric(own)
                        && agg.equals("sum") && !used.contains(own)) {
                    col = own; // "the total price of orders": total_price, summed
                } else {
                    col = nextMention(sel, t.index(), 6, m -> m.kind() == SemanticModel.Kind.COLUMN
                            && numeric(m) && !used.contains(m), m -> m.kind() == SemanticModel.Kind.TABLE
                            || m.kind() == SemanticModel.Kind.VALUE || m.kind() == SemanticModel.Kind.COLUMN
                            && !numeric(m));
                }
                if (col == null) {
                    continue;
                }
                if ((agg.equals("max") || agg.equals("min")) && !t.is("maximum", "max", "minimum", "min")
                        && isRankingSuperlative(ctx, sel, col)) {
                    // "which campaign got the most clicks": rank campaigns by their clicks. Summing is right for
                    // "most"/"least" (amounts accumulate) or when each group is one row of the column's own table;
                    // "which product type has the highest price" could mean a maximum or an average: not guessed.
                    SemanticModel.Mention head = rankingHead(ctx, sel, col);
                    boolean perRow = head != null && head.kind() == SemanticModel.Kind.TABLE && head.table().equals(col.table());
                    if (!t.is("most", "least") && !perRow) {
                        return Attempt.fail("I can't tell whether to add up or compare " + col.column() + " here");
                    }
                    agg = "sum";
                }
                measure = new Plan.Measure(agg, col.table(), col.column(), null);
                base = col.table();
                used.add(col);
                break;
            }
        }
        if (measure == null && countCue) {
            int cue = ctx.indexOf("many") >= 0 ? ctx.indexOf("many") : Math.max(phrase(tokens, "number", "of"),
                    phrase(tokens, "count", "of"));
            if (cue < 0) {
                cue = 0;
            }
            boolean distinct = false;
            for (int i = cue + 1; i < Math.min(tokens.size(), cue + 3); i++) {
                if (tokens.get(i).is("distinct", "unique", "different")) {
                    distinct = true;
                }
            }
            SemanticModel.Mention numericCol = nextMention(sel, cue, 4, m -> m.kind() == SemanticModel.Kind.COLUMN
                    && numeric(m), m -> m.kind() == SemanticModel.Kind.VALUE);
            SemanticModel.Mention subject = nextMention(sel, cue, 12, m -> m.kind() == SemanticModel.Kind.TABLE
                    || entityColumn(m), m -> true);
            if (numericCol != null && tokens.get(cue).is("many") && (subject == null || numericCol.first() < subject.first()
                    || subject.first() > numericCol.last())) {
                // "how many units are available" → sum of a quantity column
                measure = new Plan.Measure("sum", numericCol.table(), numericCol.column(), null);
                base = numericCol.table();
                used.add(numericCol);
            } else if (distinct && subject != null) {
                return Attempt.fail("counting distinct related records is not something I can do reliably yet");
            } else if (subject != null) {
                measure = new Plan.Measure("count", subject.table(), null, null);
                base = subject.table();
                used.add(subject);
            } else {
                SemanticModel.Mention v = nextMention(sel, cue, 8, m -> m.kind() == SemanticModel.Kind.VALUE
                        || m.kind() == SemanticModel.Kind.COLUMN && isBoolean(m), m -> true);
                if (v != null) {
                    measure = new Plan.Measure("count", v.table(), null, null);
                    base = v.table();
                }
            }
        }
        if (measure == null) {
            // "the most reviews", "most common X", "most often"
            for (Words.Token t : tokens) {
                if (!SUPERLATIVE_DESC.contains(t.text()) && !SUPERLATIVE_ASC.contains(t.text())) {
                    continue;
                }
                SemanticModel.Mention subject = nextMention(sel, t.index(), 3, m -> m.kind() == SemanticModel.Kind.TABLE
                        && !used.contains(m), m -> m.kind() == SemanticModel.Kind.VALUE);
                if (subject != null && subject.first() <= t.index() + 3) {
                    measure = new Plan.Measure("count", subject.table(), null, null);
                    base = subject.table();
                    used.add(subject);
                    break;
                }
                String after = ctx.text(t.index() + 1);
                if (after.equals("common") || after.equals("often") || after.equals("frequent") || after.equals("frequently")
                        || after.equals("popular")) {
                    measure = new Plan.Measure("count", null, null, null);
                    break;
                }
            }
        }
        if (measure == null && followUp) {
            measure = ctx.previous.measure();
            base = ctx.previous.base();
            metric = writer.metric(ctx.previous);
        }

        // an average or median asked for but not applied ("orders per customer on average") is not answered
        for (Words.Token t : tokens) {
            String agg = aggregate(t.text());
            if (measure != null && ("avg".equals(agg) || "median".equals(agg)) && !agg.equals(measure.kind())
                    && !(at.containsKey(t.index()) && used.contains(at.get(t.index())))) {
                return Attempt.fail("it asks for an " + aggWord(agg) + " of something I cannot compute per record here");
            }
        }

        // ---- dimensions
        List<Plan.Dim> dims = new ArrayList<>();
        List<SemanticModel.Mention> dimMentions = new ArrayList<>();
        String grain = ctx.time.grain();
        SemanticModel.Mention grainColumn = null;
        for (Words.Token t : tokens) {
            boolean cue = GROUP_CUES.contains(t.text()) || t.is("for", "in", "at") && ctx.text(t.index() + 1).equals("each");
            if (!cue || ctx.time.consumed().get(t.index())
                    || t.is("each") && t.index() > 0 && tokens.get(t.index() - 1).is("for", "in", "at")) {
                continue;
            }
            int start = t.index() + (ctx.text(t.index() + 1).equals("each") && !t.is("each") ? 2 : 1);
            SemanticModel.Mention d = headOfRun(sel, tokens, start, used);
            if (d == null) {
                continue;
            }
            if (d.kind() == SemanticModel.Kind.COLUMN && temporal(d)) {
                // "by origination year", "by signup month"
                String unit = ctx.text(d.last() + 1);
                if (UNITS.contains(unit)) {
                    grain = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
                    grainColumn = d;
                    used.add(d);
                    continue;
                }
                return Attempt.fail("grouping by an exact date is not supported; ask by day, week, month, quarter or year");
            }
            if (t.is("per") && d.kind() == SemanticModel.Kind.TABLE && base != null && d.table().equals(base)) {
                used.add(d);
                continue; // "average items per checkout": per row of the base table
            }
            if (t.is("per") && d.kind() == SemanticModel.Kind.TABLE) {
                return Attempt.fail("ratios per " + d.table() + " are not something I can compute reliably yet");
            }
            if (d.kind() == SemanticModel.Kind.TABLE || d.kind() == SemanticModel.Kind.COLUMN) {
                dimMentions.add(d);
                used.add(d);
            }
        }
        // "which X …", "what X …" at the head of a ranking question
        boolean singularHead = false;
        int which = headWord(tokens);
        if (which >= 0) {
            int start = which + 1;
            while (start < tokens.size() && (tokens.get(start).is("the", "are", "were", "is", "was")
                    || ctx.top != null && start == ctx.top.token)) {
                start++;
            }
            SemanticModel.Mention d = headOfRun(sel, tokens, start, used);
            boolean ranking = ctx.has(SUPERLATIVE_DESC) || ctx.has(SUPERLATIVE_ASC) || ctx.top != null;
            if (d != null && ranking && (d.kind() == SemanticModel.Kind.TABLE || d.kind() == SemanticModel.Kind.COLUMN
                    && !numeric(d) && !temporal(d))) {
                boolean isMeasureSubject = measure != null && "count".equals(measure.kind()) && d.kind() == SemanticModel.Kind.TABLE
                        && Objects.equals(base, d.table()) && measure.table() != null;
                if (!isMeasureSubject) {
                    dimMentions.add(0, d);
                    used.add(d);
                    String word = tokens.get(d.last()).text();
                    singularHead = Words.singular(word).equals(word) && !word.endsWith("s");
                }
            }
        }
        // "top 10 products by …", "the 5 branches that …"
        if (ctx.top != null && dimMentions.isEmpty()) {
            SemanticModel.Mention d = headOfRun(sel, tokens, ctx.top.token + 1, used);
            if (d != null && (d.kind() == SemanticModel.Kind.TABLE || d.kind() == SemanticModel.Kind.COLUMN
                    && !numeric(d) && !temporal(d))) {
                boolean isMeasureSubject = measure != null && "count".equals(measure.kind())
                        && d.kind() == SemanticModel.Kind.TABLE && Objects.equals(base, d.table());
                if (!isMeasureSubject) {
                    dimMentions.add(d);
                    used.add(d);
                }
            }
        }
        // "most common X"
        for (Words.Token t : tokens) {
            if ((t.is("common", "frequent", "popular")) && t.index() > 0
                    && (SUPERLATIVE_DESC.contains(ctx.text(t.index() - 1)) || SUPERLATIVE_ASC.contains(ctx.text(t.index() - 1)))) {
                SemanticModel.Mention d = headOfRun(sel, tokens, t.index() + 1, used);
                if (d != null && !numeric(d) && (d.kind() == SemanticModel.Kind.COLUMN || d.kind() == SemanticModel.Kind.TABLE)) {
                    dimMentions.add(d);
                    used.add(d);
                }
            }
        }
        if (measure != null && measure.table() == null && "count".equals(measure.kind())) {
            // "most common X": count rows of X's table
            if (dimMentions.isEmpty()) {
                return Attempt.fail("I could not tell what to count");
            }
            SemanticModel.Mention d = dimMentions.get(0);
            SemanticModel.Mention subject = sel.stream().filter(m -> m.kind() == SemanticModel.Kind.TABLE && !used.contains(m))
                    .findFirst().orElse(null);
            base = subject != null ? subject.table() : d.table();
            if (subject != null) {
                used.add(subject);
            }
            measure = new Plan.Measure("count", base, null, null);
        }
        if (measure == null && !dimMentions.isEmpty()) {
            SemanticModel.Mention subject = sel.stream().filter(m -> m.kind() == SemanticModel.Kind.TABLE && !used.contains(m))
                    .findFirst().orElse(null);
            if (subject != null && (ctx.has(SHARE_CUES) || ctx.has(GROUP_CUES))) {
                measure = new Plan.Measure("count", subject.table(), null, null);
                base = subject.table();
                used.add(subject);
            }
        }
        if (measure == null) {
            return Attempt.fail("I could not tell what to measure (a count, a total, an average …)");
        }
        if (base == null) {
            return Attempt.fail("I could not tell which records to measure");
        }
        for (SemanticModel.Mention d : dimMentions) {
            String table = d.table();
            if (schema().pathUp(base, table).isEmpty()) {
                return Attempt.fail("I cannot relate " + describe(d) + " to " + base);
            }
            if (d.kind() == SemanticModel.Kind.TABLE) {
                if (table.equals(base) && measure.kind().equals("count")) {
                    return Attempt.fail("grouping " + base + " by itself");
                }
                Plan.Dim dim = new Plan.Dim(table, null, true);
                if (!dims.contains(dim)) {
                    dims.add(dim);
                }
            } else if (d.column().equals(model.label.get(d.table())) && schema().table(d.table()).orElseThrow().primaryKey() != null) {
                Plan.Dim dim = new Plan.Dim(table, null, true);
                if (!dims.contains(dim)) {
                    dims.add(dim);
                }
            } else {
                Schema.Column c = schema().column(d.table(), d.column());
                if (c.numeric() && c.distinct() > 60) {
                    return Attempt.fail("grouping by " + d.column() + " (a continuous number) is not supported");
                }
                Plan.Dim dim = new Plan.Dim(table, d.column(), false);
                if (!dims.contains(dim)) {
                    dims.add(dim);
                }
            }
        }
        if (dims.size() > 2) {
            return Attempt.fail("it groups by more than two things");
        }

        // ---- filters
        Set<Integer> negations = new HashSet<>();
        List<Plan.Cond> filters = new ArrayList<>();
        Map<String, List<String>> in = new LinkedHashMap<>();
        Map<String, List<String>> notIn = new LinkedHashMap<>();
        List<SemanticModel.Mention> values = sel.stream().filter(m -> m.kind() == SemanticModel.Kind.VALUE)
                .sorted(Comparator.comparingInt(SemanticModel.Mention::first)).toList();
        for (int i = 1; i < values.size(); i++) {
            SemanticModel.Mention a = values.get(i - 1);
            SemanticModel.Mention b = values.get(i);
            if (a.table().equals(b.table()) && a.column().equals(b.column()) && b.first() == a.last() + 1) {
                return Attempt.fail("'" + a.entry().value() + "' and '" + b.entry().value() + "' follow each other without"
                        + " a list; I am not sure which one you mean");
            }
        }
        for (SemanticModel.Mention m : sel) {
            if (m.kind() == SemanticModel.Kind.VALUE) {
                String key = m.table() + "." + m.column();
                (negated(tokens, m.first(), at, negations) ? notIn : in).computeIfAbsent(key, k -> new ArrayList<>())
                        .add(m.entry().value());
                used.add(m);
            }
        }
        for (SemanticModel.Mention m : sel) {
            // "medium priority", "status open": the column named next to one of its values
            if (m.kind() == SemanticModel.Kind.COLUMN && !used.contains(m)) {
                for (SemanticModel.Mention v : values) {
                    if (v.table().equals(m.table()) && v.column().equals(m.column())
                            && (m.first() == v.last() + 1 || v.first() == m.last() + 1)) {
                        used.add(m);
                    }
                }
            }
        }
        for (Map.Entry<String, List<String>> e : in.entrySet()) {
            String[] tc = e.getKey().split("\\.");
            filters.add(new Plan.Cond(tc[0], tc[1], "in", dedupe(e.getValue()), null));
        }
        for (Map.Entry<String, List<String>> e : notIn.entrySet()) {
            String[] tc = e.getKey().split("\\.");
            filters.add(new Plan.Cond(tc[0], tc[1], "not_in", dedupe(e.getValue()), null));
        }
        // numeric comparisons
        for (Words.Token t : tokens) {
            if (!t.isNumber() || ctx.time.consumed().get(t.index()) || ctx.top != null && ctx.top.token == t.index()) {
                continue;
            }
            Comparison cmp = comparison(ctx, sel, t, used);
            if (cmp == null) {
                return Attempt.fail("I don't know what the number " + t.text() + " refers to");
            }
            if (cmp.failure != null) {
                return Attempt.fail(cmp.failure);
            }
            filters.add(cmp.cond);
            used.add(cmp.column);
            if (cmp.unit != null) {
                used.add(cmp.unit);
            }
        }
        // A date column named right before the period or grouping ("cancelled in 2024", "opened each year") is the
        // date to use; any other nullable date column is a state ("cancelled orders", "not counting cancelled ones").
        SemanticModel.Mention boundTime = null;
        if (!ctx.time.ranges().isEmpty() || grain != null) {
            int anchor = !ctx.time.ranges().isEmpty() ? ctx.time.ranges().get(0).firstToken()
                    : Math.max(0, ctx.time.grainToken() - 2);
            for (SemanticModel.Mention m : sel) {
                if (m.kind() == SemanticModel.Kind.COLUMN && temporal(m) && !used.contains(m) && m.last() < anchor
                        && anchor - m.last() <= 3 && !negated(tokens, m.first(), at)
                        && (boundTime == null || m.last() > boundTime.last())) {
                    boundTime = m;
                }
            }
            if (grainColumn != null) {
                boundTime = grainColumn;
            }
        }
        for (SemanticModel.Mention m : sel) {
            if (m.kind() != SemanticModel.Kind.COLUMN || used.contains(m) || m == boundTime) {
                continue;
            }
            Schema.Column c = schema().column(m.table(), m.column());
            if (c.type() == Schema.Type.BOOLEAN) {
                filters.add(new Plan.Cond(m.table(), m.column(), negated(tokens, m.first(), at, negations) ? "is_false" : "is_true",
                        null, null));
                used.add(m);
            } else if (c.temporal() && c.nullable() && !c.name().equals(model.defaultDate.get(m.table()))) {
                filters.add(new Plan.Cond(m.table(), m.column(), negated(tokens, m.first(), at, negations) ? "is_null" : "not_null",
                        null, null));
                used.add(m);
            } else if (c.temporal()) {
                used.add(m); // a date mentioned as a verb ("placed", "created"): nothing to filter
            }
        }

        // "orders that used a discount code", "customers without a loyalty tier": a nullable link is set or not
        for (SemanticModel.Mention m : sel) {
            if (used.contains(m) || !(m.kind() == SemanticModel.Kind.TABLE || entityColumn(m)) || m.table().equals(base)) {
                continue;
            }
            Schema.Link link = schema().table(base).orElseThrow().links().stream()
                    .filter(l -> l.parent().equals(m.table())).findFirst().orElse(null);
            if (link == null || !schema().column(base, link.column()).nullable()) {
                continue;
            }
            Boolean present = null;
            for (int i = m.first() - 1; i >= Math.max(0, m.first() - 3); i--) {
                String w = tokens.get(i).text();
                if (Set.of("with", "used", "use", "using", "have", "has", "had", "applied", "applying").contains(w)) {
                    present = Boolean.TRUE;
                    break;
                }
                if (w.equals("without") || w.equals("no")) {
                    present = Boolean.FALSE;
                    negations.add(i);
                    break;
                }
            }
            if (present != null) {
                filters.add(new Plan.Cond(base, link.column(), present ? "not_null" : "is_null", null, null));
                used.add(m);
            }
        }

        // ---- follow-up: refine the previous plan
        Plan.Period period = null;
        Plan.TimeGroup timeGroup = null;
        Integer limit = ctx.top == null ? null : ctx.top.n;
        boolean ascending = ctx.top != null ? ctx.top.ascending : ctx.has(SUPERLATIVE_ASC) && !ctx.has(SUPERLATIVE_DESC);
        if (followUp && measure.equals(ctx.previous.measure()) && Objects.equals(base, ctx.previous.base())) {
            Plan prev = ctx.previous;
            if (dims.isEmpty() && grain == null) {
                dims.addAll(prev.dims());
            } else if (dims.isEmpty()) {
                dims.addAll(prev.dims());
            }
            List<Plan.Cond> merged = new ArrayList<>(prev.filters());
            List<Plan.Dim> newDims = dims;
            // "by channel instead" after "web orders": the breakdown replaces the one-value filter on that column
            merged.removeIf(p -> newDims.stream().anyMatch(d -> !d.entity() && d.table().equals(p.table())
                    && d.column().equals(p.column())));
            for (Plan.Cond f : filters) {
                merged.removeIf(p -> p.table().equals(f.table()) && p.column().equals(f.column()));
                merged.add(f);
            }
            filters = merged;
            if (ctx.time.ranges().isEmpty()) {
                period = prev.period();
            }
            if (grain == null && prev.timeGroup() != null && (dims.equals(prev.dims()) || ctx.has("and"))) {
                timeGroup = prev.timeGroup();
            }
            if (limit == null && !ctx.has(SUPERLATIVE_DESC) && !ctx.has(SUPERLATIVE_ASC) && dims.equals(prev.dims())) {
                limit = prev.limit();
                ascending = prev.ascending();
            }
        }

        // ---- time
        if (!ctx.time.ranges().isEmpty() || grain != null) {
            String[] tc = timeColumn(base, metric, boundTime);
            if (tc == null) {
                return Attempt.fail(metric != null && metric.timeColumn() == null
                        ? metric.label() + " is a current snapshot; I cannot place it in time"
                        : "I don't know which date of " + base + " to use for that period");
            }
            if (boundTime != null) {
                used.add(boundTime);
            }
            if (!ctx.time.ranges().isEmpty()) {
                TimeParser.Range r = ctx.time.ranges().get(0);
                period = new Plan.Period(r.from() == null ? null : r.from().toString(),
                        r.to() == null ? null : r.to().toString(), r.label(), tc[0], tc[1]);
            }
            if (grain != null) {
                timeGroup = new Plan.TimeGroup(grain, tc[0], tc[1]);
            }
        }

        // ---- unused mentions must be harmless context
        for (SemanticModel.Mention m : sel) {
            if (used.contains(m)) {
                continue;
            }
            switch (m.kind()) {
                case TABLE -> {
                    if (schema().pathUp(base, m.table()).isEmpty()) {
                        return Attempt.fail("I cannot relate " + m.table() + " to " + base + " in one question");
                    }
                }
                case COLUMN -> {
                    boolean inMetric = metric != null && metric.columns().contains(m.table() + "." + m.column());
                    if (!inMetric) {
                        return Attempt.fail("I am not sure what to do with " + describe(m) + " in this question");
                    }
                }
                default -> {
                    return Attempt.fail("I am not sure what to do with " + describe(m));
                }
            }
        }
        // every "not", "excluding", "without" … must have been applied to something
        for (Words.Token t : tokens) {
            boolean negation = NEGATIONS.contains(t.text()) || t.is("than") && t.index() > 0 && tokens.get(t.index() - 1).is("other");
            if (negation && !negations.contains(t.index()) && !at.containsKey(t.index())
                    && !(t.is("no") && ctx.text(t.index() + 1).equals("more") || t.is("not") && ctx.text(t.index() + 1).equals("only"))) {
                return Attempt.fail("I could not tell what \"" + t.text() + "\" applies to");
            }
        }
        // unexplained unit words ("per year" that was not a grouping)
        for (Words.Token t : tokens) {
            if (UNITS.contains(t.text()) && !ctx.time.consumed().get(t.index()) && (grainColumn == null
                    || t.index() != grainColumn.last() + 1)) {
                if (!(t.index() > 0 && tokens.get(t.index() - 1).isNumber())) {
                    return Attempt.fail("I don't know how to use \"" + t.text() + "\" here");
                }
            }
        }

        // ---- ranking and share
        boolean ranking = ctx.top != null || ctx.has(SUPERLATIVE_DESC) || ctx.has(SUPERLATIVE_ASC);
        if (ranking && dims.isEmpty() && timeGroup == null && ctx.top != null) {
            return Attempt.fail("a ranking needs something to rank (for example products or cities)");
        }
        if (limit == null && singularHead && ranking && !dims.isEmpty()) {
            limit = 1;
        }
        if (ranking && dims.isEmpty() && timeGroup != null && limit == null && !followUp) {
            limit = 1; // "the lowest monthly revenue of 2024": the month it happened
        }
        boolean share = ctx.has(SHARE_CUES) && (!dims.isEmpty() || timeGroup != null)
                && !(metric != null && metric.percent());
        if ((ctx.has("share") || ctx.has("percentage") || ctx.has("percent") || ctx.has("proportion")) && dims.isEmpty()
                && timeGroup == null && !(metric != null && metric.percent())) {
            return Attempt.fail("a share needs a breakdown (share of what, by what?)");
        }
        if (followUp && !share && ctx.previous.share() && dims.equals(ctx.previous.dims())) {
            share = true;
        }

        // ---- metric consistency: the definition already fixes some columns
        if (metric != null) {
            for (Plan.Cond f : filters) {
                if (metric.filterColumns().contains(f.table() + "." + f.column())) {
                    String rendered = conditionText(f);
                    boolean same = metric.filters().stream().anyMatch(x -> x.replaceAll("\\{[a-z0-9_]+}\\.", "")
                            .replace("\"", "").equalsIgnoreCase(rendered));
                    if (!same) {
                        return Attempt.fail(metric.label() + " is defined for a fixed " + f.column()
                                + "; I cannot change that filter");
                    }
                }
            }
            List<Plan.Cond> kept = new ArrayList<>();
            for (Plan.Cond f : filters) {
                if (!metric.filterColumns().contains(f.table() + "." + f.column())) {
                    kept.add(f);
                }
            }
            filters = kept;
        }
        for (Plan.Cond f : filters) {
            if (schema().pathUp(base, f.table()).isEmpty()) {
                return Attempt.fail("I cannot relate " + f.column() + " to " + base);
            }
        }
        Plan plan = new Plan(base, measure, dims, timeGroup, filters, period, limit, ascending, share);
        Optional<String> sql = writer.write(plan);
        if (sql.isEmpty()) {
            return Attempt.fail("the tables involved cannot be joined unambiguously");
        }
        Attempt a = new Attempt();
        a.plan = plan;
        a.sql = sql.get();
        double coherence = 0;
        for (SemanticModel.Mention m : sel) {
            if (base.equals(m.table())) {
                coherence += 0.01;
            }
        }
        if (boundTime != null) {
            coherence += 0.2;
        }
        a.coherence = coherence;
        return a;
    }

    private Schema schema() {
        return model.schema;
    }

    private boolean isFollowUp(Context ctx, List<SemanticModel.Mention> sel) {
        if (ctx.tokens.size() > 12) {
            return false;
        }
        String first = ctx.text(0);
        return FOLLOW_UP_LEADS.contains(first) || ctx.has("instead") || ctx.tokens.size() <= 6;
    }

    /** The learned measure a bare head word ("revenue") means: the one the golden queries use clearly most. */
    private Metric preferredMetric(String head) {
        List<Metric> candidates = model.metrics.stream().filter(m -> m.stems().get(m.stems().size() - 1).equals(head))
                .toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        Metric best = null;
        int bestUses = -1;
        int second = -1;
        for (Metric m : candidates) {
            int uses = model.goldenUses(m);
            if (uses > bestUses) {
                second = bestUses;
                bestUses = uses;
                best = m;
            } else if (uses > second) {
                second = uses;
            }
        }
        return bestUses >= 2 * Math.max(second, 1) ? best : null;
    }

    private static String aggregate(String word) {
        return switch (word) {
            case "average", "avg", "mean", "typical" -> "avg";
            case "total", "sum", "combined" -> "sum";
            case "median" -> "median";
            case "minimum", "min", "lowest", "smallest", "cheapest" -> "min";
            case "maximum", "max", "highest", "largest", "biggest", "most" -> "max";
            default -> null;
        };
    }

    private static String aggWord(String agg) {
        return switch (agg) {
            case "avg" -> "average";
            case "max" -> "maximum";
            case "min" -> "minimum";
            default -> agg;
        };
    }

    private static String aggregateBefore(List<Words.Token> tokens, int first, Map<Integer, SemanticModel.Mention> at) {
        for (int i = first - 1; i >= Math.max(0, first - 3); i--) {
            if (at.containsKey(i)) {
                break;
            }
            String a = aggregate(tokens.get(i).text());
            if (a != null && !tokens.get(i).is("most", "highest", "lowest", "largest", "biggest", "smallest")) {
                return a;
            }
        }
        return null;
    }

    /**
     * A superlative that ranks groups ("which campaign got the most clicks", "top 5 products by …") rather than asking
     * for the maximum of a column ("what is the highest order total").
     */
    private boolean isRankingSuperlative(Context ctx, List<SemanticModel.Mention> sel, SemanticModel.Mention measure) {
        return ctx.top != null || ctx.has(GROUP_CUES) || rankingHead(ctx, sel, measure) != null;
    }

    /** What a ranking question ranks: "which campaign …", "top 5 products …" (null when it names none). */
    private SemanticModel.Mention rankingHead(Context ctx, List<SemanticModel.Mention> sel, SemanticModel.Mention measure) {
        int head = ctx.top != null ? ctx.top.token : headWord(ctx.tokens);
        if (head < 0) {
            return null;
        }
        int start = head + 1;
        while (start < ctx.tokens.size() && (ctx.tokens.get(start).is("the", "a", "an")
                || ctx.top != null && start == ctx.top.token)) {
            start++;
        }
        SemanticModel.Mention d = headOfRun(sel, ctx.tokens, start, Set.of());
        return d != null && d != measure && (d.kind() == SemanticModel.Kind.TABLE || d.kind() == SemanticModel.Kind.COLUMN
                && !numeric(d) && !temporal(d)) ? d : null;
    }

    private static int headWord(List<Words.Token> tokens) {
        for (int i = 0; i < Math.min(3, tokens.size()); i++) {
            if (tokens.get(i).is("which", "what", "who")) {
                return i;
            }
        }
        return -1;
    }

    /** The last mention of the run of adjacent mentions starting at {@code start} (skipping articles). */
    private static SemanticModel.Mention headOfRun(List<SemanticModel.Mention> sel, List<Words.Token> tokens, int start,
                                                   Set<SemanticModel.Mention> used) {
        int i = start;
        while (i < tokens.size() && tokens.get(i).is("the", "their", "its", "our", "a", "an")) {
            i++;
        }
        SemanticModel.Mention last = null;
        while (i < tokens.size()) {
            int idx = i;
            SemanticModel.Mention m = sel.stream().filter(x -> x.first() == idx).findFirst().orElse(null);
            if (m == null) {
                break;
            }
            if (used.contains(m)) {
                return null;
            }
            if (m.kind() == SemanticModel.Kind.VALUE || m.kind() == SemanticModel.Kind.METRIC) {
                break;
            }
            last = m;
            i = m.last() + 1;
        }
        return last;
    }

    private static SemanticModel.Mention nextMention(List<SemanticModel.Mention> sel, int after, int window,
                                                     java.util.function.Predicate<SemanticModel.Mention> want,
                                                     java.util.function.Predicate<SemanticModel.Mention> skippable) {
        List<SemanticModel.Mention> ordered = sel.stream().filter(m -> m.first() > after && m.first() <= after + window)
                .sorted(Comparator.comparingInt(SemanticModel.Mention::first)).toList();
        for (SemanticModel.Mention m : ordered) {
            if (want.test(m)) {
                return m;
            }
            if (!skippable.test(m)) {
                return null;
            }
        }
        return null;
    }

    private boolean numeric(SemanticModel.Mention m) {
        if (m.kind() != SemanticModel.Kind.COLUMN) {
            return false;
        }
        Schema.Column c = schema().column(m.table(), m.column());
        return c.numeric() && !c.identifier();
    }

    private boolean temporal(SemanticModel.Mention m) {
        return m.kind() == SemanticModel.Kind.COLUMN && schema().column(m.table(), m.column()).temporal();
    }

    /** A text column that identifies its rows (code, sku, title): naming it names the records. */
    private boolean entityColumn(SemanticModel.Mention m) {
        if (m.kind() != SemanticModel.Kind.COLUMN) {
            return false;
        }
        Schema.Table t = schema().table(m.table()).orElseThrow();
        Schema.Column c = t.column(m.column()).orElseThrow();
        return c.type() == Schema.Type.TEXT && t.rows() > 0 && c.distinct() >= 0.95 * t.rows() && c.nulls() == 0;
    }

    private boolean isBoolean(SemanticModel.Mention m) {
        return m.kind() == SemanticModel.Kind.COLUMN && schema().column(m.table(), m.column()).type() == Schema.Type.BOOLEAN;
    }

    /** A negation word shortly before a mention: "not cancelled", "excluding web", "not counting cancelled ones". */
    private static boolean negated(List<Words.Token> tokens, int first, Map<Integer, SemanticModel.Mention> at) {
        return negated(tokens, first, at, new HashSet<>());
    }

    /** As above, recording in {@code hits} which negation word applied. */
    private static boolean negated(List<Words.Token> tokens, int first, Map<Integer, SemanticModel.Mention> at,
                                   Set<Integer> hits) {
        for (int i = first - 1; i >= Math.max(0, first - 3); i--) {
            Words.Token t = tokens.get(i);
            if (NEGATIONS.contains(t.text()) || t.is("than") && i > 0 && tokens.get(i - 1).is("other")) {
                hits.add(i);
                return true;
            }
            if (at.containsKey(i) && at.get(i).last() < first || t.isNumber()) {
                return false;
            }
        }
        return false;
    }

    private record Comparison(Plan.Cond cond, SemanticModel.Mention column, SemanticModel.Mention unit, String failure) {
    }

    /** "rating of 2 or less", "2 stars or less", "more than 3 items", "over 100 dollars". */
    private Comparison comparison(Context ctx, List<SemanticModel.Mention> sel, Words.Token number, Set<SemanticModel.Mention> used) {
        List<Words.Token> tokens = ctx.tokens;
        int i = number.index();
        String op = null;
        String b1 = ctx.text(i - 1);
        String b2 = ctx.text(i - 2);
        String a1 = ctx.text(i + 1);
        String a2 = ctx.text(i + 2);
        int after = i;
        if (b1.equals("$")) {
            b1 = b2;
            b2 = ctx.text(i - 3);
        }
        if (b1.equals("than") && (b2.equals("more") || b2.equals("greater") || b2.equals("higher"))
                || b1.equals("over") || b1.equals("above") || b1.equals("exceeding") || b1.equals(">")) {
            op = "gt";
        } else if (b1.equals("than") && (b2.equals("less") || b2.equals("fewer") || b2.equals("lower"))
                || b1.equals("under") || b1.equals("below") || b1.equals("<")) {
            op = "lt";
        } else if (b1.equals("least") && b2.equals("at")) {
            op = "ge";
        } else if (b1.equals("most") && b2.equals("at")) {
            op = "le";
        }
        int unitIdx = i + 1;
        SemanticModel.Mention unit = mentionAt(sel, i + 1);
        if (op == null) {
            // "2 stars or less", "4 or more items"
            int k = i + 1;
            if (unit != null) {
                k = unit.last() + 1;
            } else if (k < tokens.size() && tokens.get(k).kind() == Words.Kind.WORD && !tokens.get(k).is("or", "and")) {
                k++; // a unit word: "2 stars or less"
            }
            String o1 = ctx.text(k);
            String o2 = ctx.text(k + 1);
            if ((o1.equals("or") || o1.equals("and")) && (o2.equals("more") || o2.equals("higher") || o2.equals("above")
                    || o2.equals("up") || o2.equals("greater"))) {
                op = "ge";
                after = k + 1;
            } else if ((o1.equals("or") || o1.equals("and")) && (o2.equals("less") || o2.equals("fewer")
                    || o2.equals("lower") || o2.equals("below") || o2.equals("under"))) {
                op = "le";
                after = k + 1;
            } else if (o1.equals("+")) {
                op = "ge";
            }
        }
        if (op == null) {
            return null;
        }
        // the column: a numeric column right after the number, or right before the comparison words
        SemanticModel.Mention col = mentionAt(sel, unitIdx);
        if (col == null || !numeric(col) || used.contains(col)) {
            col = null;
            for (SemanticModel.Mention m : sel) {
                if (numeric(m) && !used.contains(m) && m.last() < i && m.last() >= i - 4) {
                    boolean between = true;
                    for (int j = m.last() + 1; j < i; j++) {
                        String w = tokens.get(j).text();
                        if (!Set.of("of", "is", "was", "at", "with", "than", "more", "less", "over", "under", "above",
                                "below", "least", "most", "greater", "fewer", "higher", "lower", "$", "exceeding", "a")
                                .contains(w)) {
                            between = false;
                        }
                    }
                    if (between) {
                        col = m;
                    }
                }
            }
        }
        if (col == null) {
            return new Comparison(null, null, null, "I don't know which amount \"" + number.text() + "\" applies to");
        }
        SemanticModel.Mention sameUnit = unit != null && unit != col && unit.kind() == SemanticModel.Kind.COLUMN
                && unit.table().equals(col.table()) && unit.column().equals(col.column()) ? unit : null;
        return new Comparison(new Plan.Cond(col.table(), col.column(), op, null, number.number()), col, sameUnit, null);
    }

    private static SemanticModel.Mention mentionAt(List<SemanticModel.Mention> sel, int token) {
        return sel.stream().filter(m -> m.first() == token).findFirst().orElse(null);
    }

    /** The date column for periods and time groupings: the one the question names, the measure's, or the table's. */
    private String[] timeColumn(String base, Metric metric, SemanticModel.Mention bound) {
        if (bound != null) {
            if (schema().pathUp(base, bound.table()).isEmpty()) {
                return null;
            }
            return new String[] {bound.table(), bound.column()};
        }
        if (metric != null) {
            return metric.timeColumn() == null ? null : new String[] {metric.timeTable(), metric.timeColumn()};
        }
        String own = model.defaultDate.get(base);
        if (own != null) {
            return new String[] {base, own};
        }
        // a table without dates of its own (order lines): the date of the record it belongs to
        Schema.Table t = schema().table(base).orElseThrow();
        String[] found = null;
        for (Schema.Link link : t.links()) {
            String d = model.defaultDate.get(link.parent());
            if (d != null) {
                if (found != null) {
                    return null;
                }
                found = new String[] {link.parent(), d};
            }
        }
        return found;
    }

    private static String conditionText(Plan.Cond c) {
        String col = c.column();
        return switch (c.op()) {
            case "in" -> c.values().size() == 1 ? col + " = '" + c.values().get(0) + "'" : col + " IN ("
                    + String.join(", ", c.values().stream().map(v -> "'" + v + "'").toList()) + ")";
            case "not_in" -> c.values().size() == 1 ? col + " <> '" + c.values().get(0) + "'" : col + " NOT IN ("
                    + String.join(", ", c.values().stream().map(v -> "'" + v + "'").toList()) + ")";
            case "is_null" -> col + " IS NULL";
            case "not_null" -> col + " IS NOT NULL";
            default -> col + " " + c.op();
        };
    }

    private static List<String> dedupe(List<String> values) {
        return List.copyOf(new java.util.LinkedHashSet<>(values));
    }

    private static String describe(SemanticModel.Mention m) {
        return switch (m.kind()) {
            case TABLE -> m.table();
            case COLUMN -> m.table() + "." + m.column();
            case VALUE -> "'" + m.entry().value() + "'";
            case METRIC -> m.entry().metric().label();
        };
    }

    private static int phrase(List<Words.Token> tokens, String a, String b) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).text().equals(a) && tokens.get(i + 1).text().equals(b)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean startsWith(List<Words.Token> tokens, String word) {
        return !tokens.isEmpty() && tokens.get(0).text().equals(word);
    }
}
