package com.capidemo.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides what is measured (a learned measure, an aggregate of a column, a count) and over which base table. */
final class MeasureStage implements PlanStage {

    private final SemanticModel model;
    private final SqlWriter writer;

    MeasureStage(SemanticModel model, SqlWriter writer) {
        this.model = model;
        this.writer = writer;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        boolean countCue = ctx.has("many") && ctx.has("how")
                || Cues.phrase(draft.tokens, "number", "of") >= 0
                || Cues.phrase(draft.tokens, "count", "of") >= 0
                || Cues.startsWith(draft.tokens, "count");
        int howMuch = Cues.phrase(draft.tokens, "how", "much");
        if (draft.measure == null && draft.metrics.isEmpty()) {
            percent(draft);
        }
        if (draft.measure == null && !draft.metrics.isEmpty()) {
            SemanticModel.Mention mm = draft.metrics.get(0);
            draft.metric = mm.entry().metric();
            if (mm.entry().partial()) {
                Metric chosen = reachable(mm.entry().words().get(0), draft);
                String counted = chosen == draft.metric ? null : eventOfRows(mm, draft);
                if (counted != null) {
                    // "how many lines were activated each year": every line the event happened to, by its date
                    draft.metric = null;
                    draft.measure = new Plan.Measure("count", counted, null, null);
                    draft.base = counted;
                    draft.used.add(mm);
                    return Optional.empty();
                }
                if (chosen != draft.metric) {
                    return Optional.of("ambiguous measure");
                }
                if (!draft.metric.filters().isEmpty()
                        && !model.instructionStates(draft.metric)
                        && !onlyLearned(draft, mm)) {
                    // "visits" is not "ED visits": a golden query's narrowing definition needs its own words
                    return Optional.of(
                            "\"" + draft.tokens.get(mm.first()).text() + "\" may mean " + draft.metric.label()
                                    + " as the golden queries define it, or all of them; please say which");
                }
            }
            String agg = Cues.aggregateBefore(draft.tokens, mm.first(), draft.at);
            if (agg != null && !agg.equals("sum") && !mm.entry().words().contains(Words.stem(Cues.aggWord(agg)))) {
                return Optional.of("it asks for the " + agg + " of " + draft.metric.label()
                        + ", which is already a calculated measure");
            }
            draft.measure = new Plan.Measure("metric", draft.metric.base(), null, draft.metric.name());
            draft.base = draft.metric.base();
            draft.used.add(mm);
        }
        if (draft.measure == null && draft.metrics.isEmpty()) {
            hours(draft);
        }
        if (draft.measure == null) {
            // aggregate cue + numeric column; explicit ones ("average") before superlatives ("highest average …")
            List<Words.Token> cueOrder = new ArrayList<>();
            draft.tokens.stream()
                    .filter(t -> Cues.aggregate(t.text()) != null
                                    && !Cues.SUPERLATIVE_DESC.contains(t.text())
                                    && !Cues.SUPERLATIVE_ASC.contains(t.text())
                            || t.is("maximum", "max", "minimum", "min"))
                    .forEach(cueOrder::add);
            draft.tokens.stream().filter(t -> !cueOrder.contains(t)).forEach(cueOrder::add);
            for (Words.Token t : cueOrder) {
                String agg = Cues.aggregate(t.text());
                boolean much = howMuch >= 0 && t.index() == howMuch + 1;
                if (agg == null && !much) {
                    continue;
                }
                if (agg == null) {
                    agg = "sum";
                }
                SemanticModel.Mention own = draft.at.get(t.index());
                SemanticModel.Mention col;
                if (own != null
                        && own.first() == t.index()
                        && own.kind() == SemanticModel.Kind.COLUMN
                        && model.numeric(own)
                        && agg.equals("sum")
                        && !draft.used.contains(own)) {
                    col = own; // "the total price of orders": total_price, summed
                } else {
                    col = Cues.nextMention(
                            draft.sel,
                            t.index(),
                            6,
                            m -> m.kind() == SemanticModel.Kind.COLUMN && model.numeric(m) && !draft.used.contains(m),
                            m -> m.kind() == SemanticModel.Kind.TABLE
                                    || m.kind() == SemanticModel.Kind.VALUE
                                    || m.kind() == SemanticModel.Kind.COLUMN && !model.numeric(m));
                }
                if (col == null) {
                    continue;
                }
                if ((agg.equals("max") || agg.equals("min"))
                        && !t.is("maximum", "max", "minimum", "min")
                        && isRankingSuperlative(ctx, draft.sel, col)) {
                    // "which campaign got the most clicks": rank campaigns by their clicks. Summing is right for
                    // "most"/"least" (amounts accumulate) or when each group is one row of the column's own table;
                    // "which product type has the highest price" could mean a maximum or an average: not guessed.
                    SemanticModel.Mention head = rankingHead(ctx, draft.sel, col);
                    boolean perRow = head != null
                            && head.kind() == SemanticModel.Kind.TABLE
                            && head.table().equals(col.table());
                    if (!t.is("most", "least") && !perRow) {
                        return Optional.of("I can't tell whether to add up or compare " + col.column() + " here");
                    }
                    agg = "sum";
                }
                draft.measure = new Plan.Measure(agg, col.table(), col.column(), null);
                draft.base = col.table();
                draft.used.add(col);
                break;
            }
        }
        if (draft.measure == null) {
            ratedOnAverage(draft);
        }
        if (draft.measure == null && howMuch >= 0) {
            // "how much did we refund": the money column of the table the question names
            SemanticModel.Mention t = Cues.nextMention(
                    draft.sel,
                    howMuch + 1,
                    6,
                    m -> m.kind() == SemanticModel.Kind.TABLE && money(m.table()) != null,
                    m -> true);
            if (t != null) {
                draft.measure = new Plan.Measure("sum", t.table(), money(t.table()), null);
                draft.base = t.table();
                draft.used.add(t);
            }
        }
        int totalOf = Cues.phrase(draft.tokens, "total", "of");
        if (draft.measure == null && totalOf >= 0 && !countCue) {
            // "the total of invoices issued in 2025": the money column of the records right after "of"
            SemanticModel.Mention t = Cues.nextMention(
                    draft.sel,
                    totalOf,
                    1,
                    m -> m.kind() == SemanticModel.Kind.TABLE && money(m.table()) != null,
                    m -> false);
            if (t != null) {
                draft.measure = new Plan.Measure("sum", t.table(), money(t.table()), null);
                draft.base = t.table();
                draft.used.add(t);
            }
        }
        if (draft.measure == null && !countCue) {
            // "what did each type of maintenance cost us": what the records cost, added up
            SemanticModel.Mention spent = spentColumn(draft);
            if (spent != null) {
                draft.measure = new Plan.Measure("sum", spent.table(), spent.column(), null);
                draft.base = spent.table();
                draft.used.add(spent);
            }
        }
        if (draft.measure == null && !countCue) {
            // "fraud losses by branch": an amount named on its own adds up
            List<SemanticModel.Mention> amounts = draft.sel.stream()
                    .filter(m -> model.numeric(m) && additive(m))
                    .toList();
            if (amounts.size() == 1) {
                SemanticModel.Mention a = amounts.get(0);
                draft.measure = new Plan.Measure("sum", a.table(), a.column(), null);
                draft.base = a.table();
                draft.used.add(a);
            }
        }
        if (draft.measure == null && countCue) {
            int cue = ctx.indexOf("many") >= 0
                    ? ctx.indexOf("many")
                    : Math.max(Cues.phrase(draft.tokens, "number", "of"), Cues.phrase(draft.tokens, "count", "of"));
            if (cue < 0) {
                cue = 0;
            }
            boolean distinct = false;
            for (int i = cue + 1; i < Math.min(draft.tokens.size(), cue + 3); i++) {
                if (draft.tokens.get(i).is("distinct", "unique", "different")) {
                    distinct = true;
                }
            }
            SemanticModel.Mention numericCol = Cues.nextMention(
                    draft.sel,
                    cue,
                    4,
                    m -> m.kind() == SemanticModel.Kind.COLUMN && model.numeric(m),
                    m -> m.kind() == SemanticModel.Kind.VALUE);
            SemanticModel.Mention subject = Cues.nextMention(
                    draft.sel, cue, 12, m -> m.kind() == SemanticModel.Kind.TABLE || model.entityColumn(m), m -> true);
            if (numericCol != null
                    && draft.tokens.get(cue).is("many")
                    && (subject == null
                            || numericCol.first() < subject.first()
                            || subject.first() > numericCol.last())) {
                // "how many units are available" → sum of a quantity column
                draft.measure = new Plan.Measure("sum", numericCol.table(), numericCol.column(), null);
                draft.base = numericCol.table();
                draft.used.add(numericCol);
            } else if (draft.tokens
                            .get(Math.min(cue + 1, draft.tokens.size() - 1))
                            .is("units", "unit")
                    && draft.tokens.get(cue).is("many")) {
                return Optional.of("I don't know which quantity of units to add up here");
            } else if (distinct && subject != null) {
                return Optional.of("counting distinct related records is not something I can do reliably yet");
            } else if (subject != null && lowerValue(draft, cue, subject) != null) {
                // "how many cancellations came from subscribers …": the records of the value, below the table named
                SemanticModel.Mention v = lowerValue(draft, cue, subject);
                draft.measure = new Plan.Measure("count", v.table(), null, null);
                draft.base = v.table();
            } else if (subject != null && ownerBefore(draft, cue, subject) != null) {
                // "how many patient visits": the visits, each of which is some patient's
                SemanticModel.Mention counted = ownerBefore(draft, cue, subject);
                draft.measure = new Plan.Measure("count", counted.table(), null, null);
                draft.base = counted.table();
                draft.used.add(subject);
                draft.used.add(counted);
            } else if (subject != null) {
                draft.measure = new Plan.Measure("count", subject.table(), null, null);
                draft.base = subject.table();
                draft.used.add(subject);
            } else {
                SemanticModel.Mention v = Cues.nextMention(
                        draft.sel,
                        cue,
                        8,
                        m -> m.kind() == SemanticModel.Kind.VALUE
                                || m.kind() == SemanticModel.Kind.COLUMN && model.isBoolean(m),
                        m -> true);
                if (v != null) {
                    draft.measure = new Plan.Measure("count", v.table(), null, null);
                    draft.base = v.table();
                }
            }
        }
        if (draft.measure == null) {
            // "the most reviews", "most common X", "most often"
            for (Words.Token t : draft.tokens) {
                if (!Cues.SUPERLATIVE_DESC.contains(t.text()) && !Cues.SUPERLATIVE_ASC.contains(t.text())) {
                    continue;
                }
                SemanticModel.Mention subject = Cues.nextMention(
                        draft.sel,
                        t.index(),
                        3,
                        m -> m.kind() == SemanticModel.Kind.TABLE && !draft.used.contains(m),
                        m -> m.kind() == SemanticModel.Kind.VALUE);
                if (subject != null && subject.first() <= t.index() + 3) {
                    draft.measure = new Plan.Measure("count", subject.table(), null, null);
                    draft.base = subject.table();
                    draft.used.add(subject);
                    break;
                }
                String after = ctx.text(t.index() + 1);
                if (after.equals("common")
                        || after.equals("often")
                        || after.equals("frequent")
                        || after.equals("frequently")
                        || after.equals("popular")) {
                    draft.measure = new Plan.Measure("count", null, null, null);
                    break;
                }
            }
        }
        if (draft.measure == null
                && Cues.headWord(draft.tokens) >= 0
                && (ctx.has(Cues.SUPERLATIVE_DESC) || ctx.has(Cues.SUPERLATIVE_ASC))
                && draft.sel.stream().noneMatch(m -> m.kind() == SemanticModel.Kind.TABLE)) {
            // "which feature is used the most": the rows of that column's table, counted per value
            draft.measure = new Plan.Measure("count", null, null, null);
        }
        if (draft.measure == null && draft.followUp) {
            draft.measure = ctx.previous().measure();
            draft.base = ctx.previous().base();
            draft.metric = writer.metric(ctx.previous());
        }

        // an average or median asked for but not applied ("orders per customer on average") is not answered
        for (Words.Token t : draft.tokens) {
            String agg = Cues.aggregate(t.text());
            if (draft.measure != null
                    && ("avg".equals(agg) || "median".equals(agg))
                    && !agg.equals(draft.measure.kind())
                    && !(draft.at.containsKey(t.index()) && draft.used.contains(draft.at.get(t.index())))) {
                if ("avg".equals(agg) && "count".equals(draft.measure.kind()) && draft.firstEvent == null) {
                    draft.averageCue = t.index(); // "how many orders does each customer have on average": per entity
                    continue;
                }
                return Optional.of(
                        "it asks for an " + Cues.aggWord(agg) + " of something I cannot compute per record here");
            }
        }
        return Optional.empty();
    }

    private static final Set<String> RATIO_CUES =
            Words.set("percentage", "percent", "share", "proportion", "fraction", "rate", "rates", "%");
    private static final Set<String> NOT_ADDITIVE = Words.set(
            "rate",
            "price",
            "score",
            "percent",
            "pct",
            "ratio",
            "averag",
            "rate",
            "age",
            "year",
            "month",
            "dai",
            "hour",
            "minut",
            "latitud",
            "longitud",
            "limit",
            "balanc",
            "weight",
            "cost");

    /**
     * "Which collection has the best-rated products on average?": a closing "on average" with nothing after it, and
     * exactly one numeric column named by the word right after a superlative ("best-rated": rating), is the average of
     * that column; the superlative ranks it.
     */
    private void ratedOnAverage(PlanDraft draft) {
        List<Words.Token> t = draft.tokens;
        int last = t.size() - 1;
        while (last >= 0 && t.get(last).kind() != Words.Kind.WORD) {
            last--;
        }
        if (last < 1 || !t.get(last).is("average") || !t.get(last - 1).is("on")) {
            return;
        }
        List<SemanticModel.Mention> rated = draft.sel.stream()
                .filter(m -> m.kind() == SemanticModel.Kind.COLUMN
                        && model.numeric(m)
                        && !draft.used.contains(m)
                        && m.first() > 0
                        && (Cues.SUPERLATIVE_DESC.contains(t.get(m.first() - 1).text())
                                || Cues.SUPERLATIVE_ASC.contains(
                                        t.get(m.first() - 1).text())))
                .toList();
        if (rated.size() != 1) {
            return;
        }
        SemanticModel.Mention col = rated.get(0);
        draft.measure = new Plan.Measure("avg", col.table(), col.column(), null);
        draft.base = col.table();
        draft.used.add(col);
        draft.used.add(draft.at.getOrDefault(last, col));
    }

    /**
     * "what percentage of orders were cancelled", "share of loans that are mortgages", "delinquency rate of active
     * loans": the rows of the table named after the cue word are the whole; conditions said after it (or before a
     * "rate" word) are what is counted (split off by {@link RatioStage}).
     */
    private void percent(PlanDraft draft) {
        for (Words.Token t : draft.tokens) {
            if (!RATIO_CUES.contains(t.text())) {
                continue;
            }
            SemanticModel.Mention subject = null;
            for (SemanticModel.Mention m : draft.sel.stream()
                    .filter(x -> x.first() > t.index() && x.first() <= t.index() + 6)
                    .sorted(Comparator.comparingInt(SemanticModel.Mention::first))
                    .toList()) {
                if (m.kind() == SemanticModel.Kind.TABLE) {
                    subject = amountOf(draft, m) ? null : m;
                    break;
                }
                if (m.kind() == SemanticModel.Kind.VALUE
                        && m.first() == t.index() + 2
                        && of(draft, t.index() + 1)
                        && draft.sel.stream()
                                .noneMatch(n -> n.kind() == SemanticModel.Kind.TABLE && n.first() == m.last() + 1)) {
                    // "what share of cancellations were because …": the records of that value are the whole
                    subject = m;
                    break;
                }
                if (m.kind() == SemanticModel.Kind.METRIC || model.numeric(m)) {
                    break;
                }
            }
            if (subject == null) {
                continue;
            }
            SemanticModel.Mention s = subject;
            boolean rate = t.is("rate", "rates");
            boolean counted = draft.sel.stream()
                    .anyMatch(m -> m != s && (m.first() > s.last() || rate && m.last() < t.index()) && condition(m));
            if (!counted) {
                continue;
            }
            draft.measure = new Plan.Measure("percent", subject.table(), null, null);
            draft.base = subject.table();
            if (subject.kind() == SemanticModel.Kind.TABLE) {
                draft.used.add(subject); // a value subject stays a condition: it narrows the whole
            }
            draft.ratioSubject = subject;
            draft.ratioCue = t.index();
            return;
        }
    }

    /**
     * A table named right before one of its numeric columns ("ancillary sales amount", "ancillary total amount"):
     * the table only says whose amount it is, so a percentage of it is a share of the amount, not of the rows.
     */
    private boolean amountOf(PlanDraft draft, SemanticModel.Mention table) {
        int next = table.last() + 1;
        if (next < draft.tokens.size() && draft.tokens.get(next).is("total")) {
            next++;
        }
        if (next < draft.tokens.size()) {
            String word = Words.singular(draft.tokens.get(next).text());
            boolean own = !Words.MONEY.contains(draft.tokens.get(next).text()) // "invoices paid late": a state
                    && model.schema.table(table.table()).orElseThrow().columns().stream()
                            .anyMatch(c -> (c.type() == Schema.Type.DECIMAL || c.type() == Schema.Type.FLOAT)
                                    && List.of(c.name().split("_")).contains(word));
            if (own) {
                return true; // "ancillary sales amount": a word of one of the table's amount columns
            }
        }
        return draft.sel.stream()
                .anyMatch(x -> x.kind() == SemanticModel.Kind.COLUMN
                        && x.table().equals(table.table())
                        && model.numeric(x)
                        && (x.first() == table.last() + 1
                                || x.first() == table.last() + 2
                                        && draft.tokens.get(table.last() + 1).is("total")));
    }

    /** Whether the token at {@code i} is "of" ("share of cancellations"). */
    private static boolean of(PlanDraft draft, int i) {
        return i < draft.tokens.size() && draft.tokens.get(i).is("of");
    }

    /** A mention that can be a condition on rows: a value, a yes/no column, a nullable date, a child table. */
    private boolean condition(SemanticModel.Mention m) {
        if (m.kind() == SemanticModel.Kind.VALUE || model.isBoolean(m)) {
            return true;
        }
        if (m.kind() == SemanticModel.Kind.TABLE) {
            return true;
        }
        if (model.temporal(m)) {
            Schema.Column c = model.schema.column(m.table(), m.column());
            return c.nullable() && !c.name().equals(model.defaultDate.get(m.table()));
        }
        return false;
    }

    /** The one money column of a table (a DECIMAL amount that adds up), or null. */
    private String money(String table) {
        return money(model, table);
    }

    /** The one money column of a table of {@code model} (a DECIMAL amount that adds up), or null. */
    static String money(SemanticModel model, String table) {
        String found = null;
        for (Schema.Column c : model.schema.table(table).orElseThrow().columns()) {
            if (moneyLike(c)
                    && !c.identifier()
                    && Words.nameStems(c.name()).stream().noneMatch(NOT_ADDITIVE::contains)) {
                if (found != null) {
                    return null;
                }
                found = c.name();
            }
        }
        return found;
    }

    private static final Set<String> MONEY_NAMES =
            Words.set("amount", "revenu", "fee", "spend", "charg", "due", "paid");

    /**
     * A column that holds money: a DECIMAL with cents, or a floating-point column whose name says it is an amount
     * (amount_due, fee, revenue), as data generated without DECIMAL types stores money.
     */
    static boolean moneyLike(Schema.Column c) {
        return c.type() == Schema.Type.DECIMAL && c.scale() == 2
                || c.type() == Schema.Type.FLOAT
                        && Words.nameStems(c.name()).stream().anyMatch(MONEY_NAMES::contains);
    }

    /**
     * A money verb that is a numeric column's whole name, said with its object pronoun ("what did each type of
     * maintenance cost us", "which aircraft cost us the most"): what the records cost the speaker, which adds up even
     * when a column of that name could be a level per unit elsewhere. Null when there is no such mention.
     */
    private SemanticModel.Mention spentColumn(PlanDraft draft) {
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() == SemanticModel.Kind.COLUMN
                    && m.first() == m.last()
                    && model.numeric(m)
                    && !draft.used.contains(m)
                    && Words.MONEY.contains(draft.tokens.get(m.first()).text())
                    && m.last() + 1 < draft.tokens.size()
                    && draft.tokens.get(m.last() + 1).is("us", "me")) {
                return m;
            }
        }
        return null;
    }

    /**
     * A word that names nothing in the data but a learned measure ("what's our ARR" with current ARR the only measure
     * so called, no table, column or value of that word): there is no "all of them" to read it as, so it is that
     * measure, when no other amount or measure is named with it.
     */
    /**
     * "How many patient visits": a table's word right after "how many" followed at once by the one-word name of a
     * table whose records refer to it (encounters.patient_id) and then by no other name is said of whose records they
     * are: the records of the second table are counted, every one of them. Null when the question is not so.
     */
    private SemanticModel.Mention ownerBefore(PlanDraft draft, int cue, SemanticModel.Mention owner) {
        if (owner.kind() != SemanticModel.Kind.TABLE
                || owner.first() != cue + 1
                || owner.first() != owner.last()
                || !draft.tokens.get(cue).is("many")) {
            return null;
        }
        SemanticModel.Mention head = draft.at.get(owner.last() + 1);
        if (head == null
                || head.kind() != SemanticModel.Kind.TABLE
                || head.first() != head.last()
                || head.table().equals(owner.table())
                || draft.at.containsKey(head.last() + 1)
                || model.schema
                                .pathUp(head.table(), owner.table())
                                .map(List::size)
                                .orElse(0)
                        != 1
                || !draft.sel.contains(head)) {
            return null;
        }
        return head;
    }

    private boolean onlyLearned(PlanDraft draft, SemanticModel.Mention mm) {
        Words.Token t = draft.tokens.get(mm.first());
        if (mm.first() != mm.last()) {
            return false;
        }
        String stem = Words.stem(t.text());
        String singular = Words.singular(t.text());
        boolean other = model.entries.stream()
                .anyMatch(e -> e.kind() != SemanticModel.Kind.METRIC
                        && (e.words().contains(stem) || e.words().contains(singular)));
        boolean alone =
                draft.sel.stream().allMatch(m -> m == mm || m.kind() != SemanticModel.Kind.METRIC && !model.numeric(m));
        return !other && alone;
    }

    /** An amount whose rows add up (losses, spend, fees), not a rate, price, score or balance-like level. */
    private boolean additive(SemanticModel.Mention m) {
        Schema.Column c = model.schema.column(m.table(), m.column());
        return c.type() == Schema.Type.DECIMAL
                && Words.nameStems(c.name()).stream().noneMatch(NOT_ADDITIVE::contains);
    }

    /**
     * The learned measure a bare head word means: when only one of the measures with that head can reach every other
     * table the question names ("top products by revenue": product revenue, over order lines), that one; otherwise
     * the one the golden queries use clearly most.
     */
    /**
     * "How many lines were activated each year?": a head word several learned counts of one table share ("active
     * lines", "suspended lines", "total lines") followed by a verb that names a date column of that table (activated,
     * activation_date) asks for the records that event happened to, whatever became of them since: the table whose
     * rows are counted, else null. Only when every measure of that head is a count of that table's rows.
     */
    private String eventOfRows(SemanticModel.Mention head, PlanDraft draft) {
        String word = head.entry().words().get(0);
        List<Metric> same = model.metrics.stream()
                .filter(m -> m.stems().get(m.stems().size() - 1).equals(word))
                .toList();
        if (same.size() < 2
                || same.stream().map(Metric::base).distinct().count() != 1
                || same.stream().anyMatch(m -> m.percent() || !m.expression().startsWith("count(*)"))) {
            return null;
        }
        String base = same.get(0).base();
        boolean event = draft.sel.stream()
                .anyMatch(m -> model.temporal(m)
                        && !m.entry().partial()
                        && m.table().equals(base)
                        && m.first() == m.last()
                        && m.first() > head.last()
                        && m.first() - head.last() <= 3
                        && draft.tokens.get(m.first()).text().endsWith("ed"));
        return event ? base : null;
    }

    private Metric reachable(String head, PlanDraft draft) {
        List<Metric> candidates = model.metrics.stream()
                .filter(m -> m.stems().get(m.stems().size() - 1).equals(head))
                .toList();
        List<Metric> reach = candidates.stream()
                .filter(m -> draft.sel.stream()
                        .filter(x -> x.kind() != SemanticModel.Kind.METRIC)
                        .allMatch(x -> model.schema.pathUp(m.base(), x.table()).isPresent()))
                .toList();
        if (reach.size() == 1 && candidates.size() > 1) {
            return reach.get(0);
        }
        if (reach.isEmpty()) {
            return null;
        }
        Metric preferred = preferredMetric(head);
        return reach.contains(preferred) ? preferred : null;
    }

    /** The learned measure a bare head word ("revenue") means: the one the golden queries use clearly most. */
    private Metric preferredMetric(String head) {
        List<Metric> candidates = model.metrics.stream()
                .filter(m -> m.stems().get(m.stems().size() - 1).equals(head))
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

    /**
     * A superlative that ranks groups ("which campaign got the most clicks", "top 5 products by …") rather than asking
     * for the maximum of a column ("what is the highest order total").
     */
    private boolean isRankingSuperlative(Question ctx, List<SemanticModel.Mention> sel, SemanticModel.Mention measure) {
        return ctx.top() != null || ctx.has(Cues.GROUP_CUES) || rankingHead(ctx, sel, measure) != null;
    }

    /** What a ranking question ranks: "which campaign …", "top 5 products …" (null when it names none). */
    private SemanticModel.Mention rankingHead(
            Question ctx, List<SemanticModel.Mention> sel, SemanticModel.Mention measure) {
        int head = ctx.top() != null ? ctx.top().token() : Cues.headWord(ctx.tokens());
        if (head < 0) {
            return null;
        }
        int start = head + 1;
        while (start < ctx.tokens().size()
                && (ctx.tokens().get(start).is("the", "a", "an")
                        || ctx.top() != null && start == ctx.top().token())) {
            start++;
        }
        SemanticModel.Mention d = Cues.headOfRun(sel, ctx.tokens(), start, Set.of());
        return d != null
                        && d != measure
                        && (d.kind() == SemanticModel.Kind.TABLE
                                || d.kind() == SemanticModel.Kind.COLUMN && !model.numeric(d) && !model.temporal(d))
                ? d
                : null;
    }

    /**
     * The value said right after "how many" ("how many cancellations came from subscribers") when it belongs to a
     * table whose records refer to the table named after it along one path of foreign keys: those records are counted,
     * the named table only says whose they are. Null otherwise.
     */
    private SemanticModel.Mention lowerValue(PlanDraft draft, int cue, SemanticModel.Mention subject) {
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() == SemanticModel.Kind.VALUE
                    && m.first() == cue + 1
                    && m.last() < subject.first()
                    && !m.table().equals(subject.table())
                    && model.schema
                            .pathUp(m.table(), subject.table())
                            .filter(p -> !p.isEmpty())
                            .isPresent()) {
                return m;
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern MINUTES =
            java.util.regex.Pattern.compile("(^|.*_)(minutes?|mins?)(_.*|$)");

    /**
     * "Total downtime in hours", "how many hours were watched by genre": hours asked of records that hold their
     * length in minutes (duration_minutes, minutes_watched) are the sum of that column over 60. The column is the one the
     * question names, else the one minutes column of the table it names; nothing happens when there is no such single
     * column, or when the question ranks or asks for another aggregate (an average, a median, "per" …).
     */
    private void hours(PlanDraft draft) {
        Words.Token unit = draft.tokens.stream()
                .filter(t ->
                        t.is("hours", "hour") && !draft.ctx.time().consumed().get(t.index()))
                .findFirst()
                .orElse(null);
        if (unit == null
                || draft.ctx.top() != null
                || draft.tokens.stream()
                        .anyMatch(t -> t.is("which", "top", "bottom", "per")
                                || Cues.SUPERLATIVE_DESC.contains(t.text())
                                || Cues.SUPERLATIVE_ASC.contains(t.text())
                                || Cues.aggregate(t.text()) != null && !"sum".equals(Cues.aggregate(t.text())))) {
            return; // rankings and other aggregates are left to the stages that read them
        }
        java.util.Set<SemanticModel.Mention> named = new java.util.LinkedHashSet<>();
        java.util.Set<String> tables = new java.util.TreeSet<>();
        for (SemanticModel.Mention m : draft.sel) {
            if (model.numeric(m) && MINUTES.matcher(m.column()).matches()) {
                named.add(m);
            } else if (m.kind() == SemanticModel.Kind.TABLE) {
                tables.add(m.table());
            }
        }
        String table;
        String column;
        SemanticModel.Mention used = null;
        if (named.size() == 1) {
            used = named.iterator().next();
            table = used.table();
            column = used.column();
        } else if (named.isEmpty() && tables.size() == 1) {
            table = tables.iterator().next();
            List<String> minutes = model.schema.table(table).orElseThrow().columns().stream()
                    .filter(c -> c.numeric()
                            && !c.identifier()
                            && MINUTES.matcher(c.name()).matches())
                    .map(Schema.Column::name)
                    .toList();
            if (minutes.size() != 1) {
                return;
            }
            column = minutes.get(0);
        } else {
            return;
        }
        draft.measure = new Plan.Measure("sum", table, column, null, null, null, "hour");
        draft.base = table;
        if (used != null) {
            draft.used.add(used);
        }
        draft.applied.set(unit.index());
    }
}
