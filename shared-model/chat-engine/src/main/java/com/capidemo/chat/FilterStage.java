package com.capidemo.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns values, comparisons, yes/no columns, set-or-empty dates and present-or-absent links into filters. */
final class FilterStage implements PlanStage {

    private final SemanticModel model;

    FilterStage(SemanticModel model) {
        this.model = model;
    }

    @Override
    public Optional<String> apply(PlanDraft draft) {
        Question ctx = draft.ctx;
        Map<String, List<String>> in = new LinkedHashMap<>();
        Map<String, List<String>> notIn = new LinkedHashMap<>();
        Map<String, Integer> firstAt = new LinkedHashMap<>();
        List<SemanticModel.Mention> values = draft.sel.stream()
                .filter(m -> m.kind() == SemanticModel.Kind.VALUE)
                .sorted(Comparator.comparingInt(SemanticModel.Mention::first))
                .toList();
        for (int i = 1; i < values.size(); i++) {
            SemanticModel.Mention a = values.get(i - 1);
            SemanticModel.Mention b = values.get(i);
            if (a.table().equals(b.table()) && a.column().equals(b.column()) && b.first() == a.last() + 1) {
                return Optional.of(
                        "'" + a.entry().value() + "' and '" + b.entry().value() + "' follow each other without"
                                + " a list; I am not sure which one you mean");
            }
        }
        for (SemanticModel.Mention m : draft.sel) {
            if (m.entry().conditions() != null) {
                m.entry().conditions().forEach(c -> add(draft, c, m.first())); // a defined name: "repeat customers"
            }
        }
        java.util.BitSet widened = Cues.widened(draft.tokens, draft.at);
        Map<String, List<SemanticModel.Mention>> byColumn = new LinkedHashMap<>();
        SemanticModel.Mention previous = null;
        boolean previousNegated = false;
        for (SemanticModel.Mention m : values) {
            if (!draft.used.contains(m) && widened.get(m.first()) && m.table().equals(draft.base)) {
                draft.used.add(m); // "including cancelled ones": counted with the rest, not a condition
                continue;
            }
            if (!draft.used.contains(m)) {
                byColumn.computeIfAbsent(m.table() + "." + m.column(), k -> new ArrayList<>())
                        .add(m);
                String key = m.table() + "." + m.column();
                firstAt.merge(key, m.first(), Math::min);
                // "not in paid_off, charged_off": a value listed after another of its column keeps that one's polarity
                boolean listed = previous != null
                        && previous.table().equals(m.table())
                        && previous.column().equals(m.column())
                        && m.first() > previous.last() + 1
                        && draft.tokens.subList(previous.last() + 1, m.first()).stream()
                                .allMatch(t -> t.is(",", "or", "and", "nor"));
                boolean negated =
                        listed ? previousNegated : Cues.negated(draft.tokens, m.first(), draft.at, draft.negations);
                (negated ? notIn : in)
                        .computeIfAbsent(key, k -> new ArrayList<>())
                        .add(m.entry().value());
                draft.used.add(m);
                previous = m;
                previousNegated = negated;
            }
        }
        for (SemanticModel.Mention m : draft.sel) {
            // "medium priority", "status open": the column named next to one of its values
            if (m.kind() == SemanticModel.Kind.COLUMN && !draft.used.contains(m)) {
                for (SemanticModel.Mention v : values) {
                    if (v.table().equals(m.table())
                            && v.column().equals(m.column())
                            && (m.first() == v.last() + 1
                                    || v.first() == m.last() + 1
                                    || v.first() > m.last()
                                            && v.first() - m.last() <= 3
                                            && draft.tokens.subList(m.last() + 1, v.first()).stream()
                                                    .allMatch(t -> t.is("not", "in", "is", "=", "of", "<>", "!")))) {
                        draft.used.add(m);
                    }
                }
            }
        }
        Optional<String> listed = listedValues(draft, byColumn, in);
        if (listed.isPresent()) {
            return listed;
        }
        for (Map.Entry<String, List<String>> e : in.entrySet()) {
            String[] tc = e.getKey().split("\\.");
            add(draft, new Plan.Cond(tc[0], tc[1], "in", Cues.dedupe(e.getValue()), null), firstAt.get(e.getKey()));
        }
        for (Map.Entry<String, List<String>> e : notIn.entrySet()) {
            String[] tc = e.getKey().split("\\.");
            add(draft, new Plan.Cond(tc[0], tc[1], "not_in", Cues.dedupe(e.getValue()), null), firstAt.get(e.getKey()));
        }
        // numeric comparisons
        for (Words.Token t : draft.tokens) {
            if (!t.isNumber()
                    || ctx.time().consumed().get(t.index())
                    || ctx.top() != null && ctx.top().token() == t.index()
                    || draft.at.containsKey(t.index()) && draft.used.contains(draft.at.get(t.index()))) {
                continue;
            }
            if (childCount(draft, t)) {
                continue;
            }
            Comparison cmp = comparison(ctx, draft.sel, t, draft.used);
            if (cmp == null) {
                return Optional.of("I don't know what the number " + t.text() + " refers to");
            }
            if (cmp.failure != null) {
                return Optional.of(cmp.failure);
            }
            add(draft, cmp.cond, t.index());
            draft.used.add(cmp.column);
            if (cmp.unit != null) {
                draft.used.add(cmp.unit);
            }
        }
        // A date column named right before the period or grouping ("cancelled in 2024", "opened each year") is the
        // date to use; any other nullable date column is a state ("cancelled orders", "not counting cancelled ones").
        if (!ctx.time().ranges().isEmpty() || draft.grain != null) {
            int anchor = !ctx.time().ranges().isEmpty()
                    ? ctx.time().ranges().get(0).firstToken()
                    : Math.max(0, ctx.time().grainToken() - 2);
            for (SemanticModel.Mention m : draft.sel) {
                if (m.kind() == SemanticModel.Kind.COLUMN
                        && model.temporal(m)
                        && !draft.used.contains(m)
                        && m.last() < anchor
                        && anchor - m.last() <= 3
                        && !Cues.negated(draft.tokens, m.first(), draft.at)
                        && (draft.ratioSubject == null || m.first() < draft.ratioSubject.first())
                        && (draft.boundTime == null || m.last() > draft.boundTime.last())) {
                    draft.boundTime = m;
                }
            }
            if (draft.grainColumn != null) {
                draft.boundTime = draft.grainColumn;
            }
        }
        for (SemanticModel.Mention m : draft.sel) {
            if (m.kind() != SemanticModel.Kind.COLUMN || draft.used.contains(m) || m == draft.boundTime) {
                continue;
            }
            if (widened.get(m.first()) && m.table().equals(draft.base)) {
                draft.used.add(m); // "even cancelled ones": a state counted with the rest
                continue;
            }
            Schema.Column c = model.schema.column(m.table(), m.column());
            if (c.type() == Schema.Type.BOOLEAN) {
                add(
                        draft,
                        new Plan.Cond(
                                m.table(),
                                m.column(),
                                Cues.negated(draft.tokens, m.first(), draft.at, draft.negations)
                                        ? "is_false"
                                        : "is_true",
                                null,
                                null),
                        m.first());
                draft.used.add(m);
            } else if (c.temporal() && c.nullable() && !c.name().equals(model.defaultDate.get(m.table()))) {
                add(
                        draft,
                        new Plan.Cond(
                                m.table(),
                                m.column(),
                                Cues.negated(draft.tokens, m.first(), draft.at, draft.negations)
                                        ? "is_null"
                                        : "not_null",
                                null,
                                null),
                        m.first());
                draft.used.add(m);
            } else if (c.temporal()) {
                draft.used.add(m); // a date mentioned as a verb ("placed", "created"): nothing to filter
            }
        }

        // "orders that used a discount code", "customers without a loyalty tier": a nullable link is set or not
        for (SemanticModel.Mention m : draft.sel) {
            if (draft.used.contains(m)
                    || !(m.kind() == SemanticModel.Kind.TABLE || model.entityColumn(m))
                    || m.table().equals(draft.base)) {
                continue;
            }
            Schema.Link link = model.schema.table(draft.base).orElseThrow().links().stream()
                    .filter(l -> l.parent().equals(m.table()))
                    .findFirst()
                    .orElse(null);
            if (link == null || !model.schema.column(draft.base, link.column()).nullable()) {
                continue;
            }
            Boolean present = null;
            for (int i = m.first() - 1; i >= Math.max(0, m.first() - 3); i--) {
                String w = draft.tokens.get(i).text();
                if (Set.of("with", "used", "use", "using", "have", "has", "had", "applied", "applying")
                        .contains(w)) {
                    present = Boolean.TRUE;
                    break;
                }
                if (w.equals("without") || w.equals("no")) {
                    present = Boolean.FALSE;
                    draft.negations.add(i);
                    break;
                }
            }
            if (present != null) {
                add(
                        draft,
                        new Plan.Cond(draft.base, link.column(), present ? "not_null" : "is_null", null, null),
                        m.first());
                draft.used.add(m);
            }
        }
        return Optional.empty();
    }

    private static final java.util.Set<String> LIST_WORDS = Words.set(
            ",",
            "or",
            "and",
            "nor",
            "vs",
            "versus",
            "compared",
            "comparing",
            "with",
            "to",
            "against",
            "the",
            "either",
            "both",
            "between");
    private static final java.util.Set<String> SIDE_BY_SIDE =
            Words.set("and", "vs", "versus", "compared", "comparing", "against", "between");

    /**
     * Several values of one column. Values the question does not list together ("invoices paid by card that ended up
     * uncollectible": 'paid' and 'uncollectible' of one status) are never merged into one condition: declined. Values
     * set side by side ("prepaid and postpaid customers", "card versus ACH") ask for one figure per value: the column
     * becomes a grouping (unless the question says "combined", "altogether" or "together"); a share of them, or another
     * grouping already there, is declined.
     */
    private static Optional<String> listedValues(
            PlanDraft draft, Map<String, List<SemanticModel.Mention>> byColumn, Map<String, List<String>> in) {
        for (Map.Entry<String, List<SemanticModel.Mention>> e : byColumn.entrySet()) {
            List<SemanticModel.Mention> ms = e.getValue();
            if (Cues.dedupe(ms.stream().map(m -> m.entry().value()).toList()).size() < 2) {
                continue;
            }
            boolean sideBySide = false;
            for (int i = 1; i < ms.size(); i++) {
                List<Words.Token> between =
                        draft.tokens.subList(ms.get(i - 1).last() + 1, ms.get(i).first());
                if (between.isEmpty() || !between.stream().allMatch(t -> LIST_WORDS.contains(t.text()))) {
                    return Optional.of("'" + ms.get(i - 1).entry().value() + "' and '"
                            + ms.get(i).entry().value()
                            + "' are both values of " + ms.get(i).column().replace('_', ' ')
                            + ", and the question does not list them together, so I could not tell how they combine");
                }
                sideBySide |= between.stream().anyMatch(t -> SIDE_BY_SIDE.contains(t.text()))
                        && between.stream().noneMatch(t -> t.is("or", "nor"));
            }
            List<String> kept = in.get(e.getKey());
            if (!sideBySide || kept == null || kept.size() < 2) {
                continue;
            }
            if (draft.ctx.has(Words.set("combined", "altogether", "together"))
                    && !(draft.ctx.has("together")
                            && draft.ctx.indexOf("together") + 1 < draft.tokens.size()
                            && draft.tokens
                                    .get(draft.ctx.indexOf("together") + 1)
                                    .is("with"))) {
                continue; // "prepaid and postpaid combined": one figure
            }
            SemanticModel.Mention first = ms.get(0);
            boolean grouped = draft.dims.stream()
                    .anyMatch(d ->
                            first.table().equals(d.table()) && first.column().equals(d.column()));
            if (grouped || SplitStage.asksForSplit(draft)) {
                continue; // a split between the values is grouped by SplitStage, or declined there
            }
            if (!draft.dims.isEmpty()
                    || draft.timeGroup != null
                    || draft.grain != null
                    || draft.perEntity != null
                    || draft.firstEvent != null
                    || draft.measure == null
                    || !Set.of("count", "count_distinct", "sum", "avg", "min", "max", "median", "metric")
                            .contains(draft.measure.kind())
                    || draft.ctx.has(Cues.SHARE_CUES)) {
                return Optional.of("it sets '" + String.join("' and '", kept) + "' side by side, and I could not"
                        + " break the measure down by " + first.column().replace('_', ' ') + " here");
            }
            draft.dims.add(new Plan.Dim(first.table(), first.column(), false));
            draft.dimMentions.add(first);
        }
        return Optional.empty();
    }

    private static void add(PlanDraft draft, Plan.Cond c, int at) {
        draft.filters.add(c);
        draft.condAt.put(c, at);
    }

    /**
     * "more than 3 orders", "at least 2 loans", "10 or more users": a count of an entity's child records, which makes
     * a segment of the entity (customers with more than 3 orders) rather than a filter on an amount.
     */
    private boolean childCount(PlanDraft draft, Words.Token number) {
        int i = number.index();
        int k = i + 1;
        String op = comparisonWords(draft.ctx, i);
        if (op == null && (draft.ctx.text(k).equals("or") || draft.ctx.text(k).equals("and"))) {
            op = orMoreOrLess(draft.ctx.text(k + 1));
            k += 2;
        } else if (op == null && draft.ctx.text(k).equals("+")) {
            op = "ge"; // "2+ orders"
            k++;
        }
        // conditions on the children said before them: "2+ non-cancelled orders"
        int from = k;
        SemanticModel.Mention child = null;
        for (int j = k; j < Math.min(draft.tokens.size(), k + 5); j++) {
            SemanticModel.Mention m = draft.at.get(j);
            if (m != null && m.kind() == SemanticModel.Kind.TABLE && m.first() == j) {
                child = m;
                break;
            }
        }
        if (child == null || draft.used.contains(child)) {
            return false;
        }
        List<Plan.Cond> own = new ArrayList<>();
        Set<Integer> negated = new HashSet<>();
        for (int j = from; j < child.first(); j++) {
            SemanticModel.Mention m = draft.at.get(j);
            if (m == null) {
                if (!draft.tokens.get(j).is("non", "not", "un")) {
                    return false;
                }
                continue;
            }
            if (!m.table().equals(child.table()) || m.first() != j) {
                if (m.first() == j) {
                    return false;
                }
                continue;
            }
            boolean not = j > 0 && draft.tokens.get(j - 1).is("non", "not", "un");
            if (not) {
                negated.add(j - 1);
            }
            if (m.kind() == SemanticModel.Kind.VALUE) {
                own.add(new Plan.Cond(
                        m.table(),
                        m.column(),
                        not ? "not_in" : "in",
                        List.of(m.entry().value()),
                        null));
            } else if (model.isBoolean(m)) {
                own.add(new Plan.Cond(m.table(), m.column(), not ? "is_false" : "is_true", null, null));
            } else if (model.temporal(m)
                    && model.schema.column(m.table(), m.column()).nullable()) {
                own.add(new Plan.Cond(m.table(), m.column(), not ? "is_null" : "not_null", null, null));
            } else {
                return false;
            }
        }
        if (op == null && draft.ctx.text(child.last() + 1).equals("or")) {
            op = orMoreOrLess(draft.ctx.text(child.last() + 2));
            if (op != null) {
                draft.applied.set(child.last() + 1, child.last() + 3);
            }
        }
        Optional<String> entity = SegmentStage.entityFor(model, draft.base, child.table());
        if (op == null || entity.isEmpty()) {
            return false;
        }
        Schema.Link link = SegmentStage.link(model, child.table(), entity.get());
        Plan.Cond c = new Plan.Cond(
                entity.get(),
                model.schema.table(entity.get()).orElseThrow().primaryKey(),
                "segment",
                null,
                null,
                new Plan.Segment(child.table(), link.column(), op, number.number(), own));
        add(draft, c, child.first());
        draft.used.add(child);
        for (int j = from; j < child.first(); j++) {
            if (draft.at.containsKey(j)) {
                draft.used.add(draft.at.get(j));
            }
        }
        draft.negations.addAll(negated);
        negated.forEach(draft.applied::set);
        return true;
    }

    private static String orMoreOrLess(String w) {
        return switch (w) {
            case "more", "higher", "above", "greater", "up" -> "ge";
            case "less", "fewer", "lower", "below", "under" -> "le";
            default -> null;
        };
    }

    /** The comparison the words before a number ask for: "more than 3" gt, "at least 3" ge, "under 3" lt … */
    private static String comparisonWords(Question ctx, int i) {
        String b1 = ctx.text(i - 1);
        String b2 = ctx.text(i - 2);
        if (b1.equals("than") && (b2.equals("more") || b2.equals("greater") || b2.equals("higher"))
                || b1.equals("over")
                || b1.equals("above")
                || b1.equals("exceeding")
                || b1.equals(">")) {
            return "gt";
        }
        if (b1.equals("than") && (b2.equals("less") || b2.equals("fewer") || b2.equals("lower"))
                || b1.equals("under")
                || b1.equals("below")
                || b1.equals("<")) {
            return "lt";
        }
        if (b1.equals("least") && b2.equals("at")) {
            return "ge";
        }
        if (b1.equals("most") && b2.equals("at")) {
            return "le";
        }
        if (b1.equals("exactly")) {
            return "eq";
        }
        return null;
    }

    private record Comparison(
            Plan.Cond cond, SemanticModel.Mention column, SemanticModel.Mention unit, String failure) {}

    /** "rating of 2 or less", "2 stars or less", "more than 3 items", "over 100 dollars". */
    private Comparison comparison(
            Question ctx, List<SemanticModel.Mention> sel, Words.Token number, Set<SemanticModel.Mention> used) {
        List<Words.Token> tokens = ctx.tokens();
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
                || b1.equals("over")
                || b1.equals("above")
                || b1.equals("exceeding")
                || b1.equals(">")) {
            op = "gt";
        } else if (b1.equals("than") && (b2.equals("less") || b2.equals("fewer") || b2.equals("lower"))
                || b1.equals("under")
                || b1.equals("below")
                || b1.equals("<")) {
            op = "lt";
        } else if (b1.equals("least") && b2.equals("at")) {
            op = "ge";
        } else if (b1.equals("most") && b2.equals("at")) {
            op = "le";
        }
        int unitIdx = i + 1;
        SemanticModel.Mention unit = Cues.mentionAt(sel, i + 1);
        if (op == null) {
            // "2 stars or less", "4 or more items"
            int k = i + 1;
            if (unit != null) {
                k = unit.last() + 1;
            } else if (k < tokens.size()
                    && tokens.get(k).kind() == Words.Kind.WORD
                    && !tokens.get(k).is("or", "and")) {
                k++; // a unit word: "2 stars or less"
            }
            String o1 = ctx.text(k);
            String o2 = ctx.text(k + 1);
            if ((o1.equals("or") || o1.equals("and"))
                    && (o2.equals("more")
                            || o2.equals("higher")
                            || o2.equals("above")
                            || o2.equals("up")
                            || o2.equals("greater"))) {
                op = "ge";
                after = k + 1;
            } else if ((o1.equals("or") || o1.equals("and"))
                    && (o2.equals("less")
                            || o2.equals("fewer")
                            || o2.equals("lower")
                            || o2.equals("below")
                            || o2.equals("under"))) {
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
        SemanticModel.Mention col = Cues.mentionAt(sel, unitIdx);
        if (col == null || !model.numeric(col) || used.contains(col)) {
            col = null;
            for (SemanticModel.Mention m : sel) {
                if (model.numeric(m) && !used.contains(m) && m.last() < i && m.last() >= i - 4) {
                    boolean between = true;
                    for (int j = m.last() + 1; j < i; j++) {
                        String w = tokens.get(j).text();
                        if (!Set.of(
                                        "of",
                                        "is",
                                        "was",
                                        "at",
                                        "with",
                                        "than",
                                        "more",
                                        "less",
                                        "over",
                                        "under",
                                        "above",
                                        "below",
                                        "least",
                                        "most",
                                        "greater",
                                        "fewer",
                                        "higher",
                                        "lower",
                                        "$",
                                        "exceeding",
                                        "a")
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
        SemanticModel.Mention sameUnit = unit != null
                        && unit != col
                        && unit.kind() == SemanticModel.Kind.COLUMN
                        && unit.table().equals(col.table())
                        && unit.column().equals(col.column())
                ? unit
                : null;
        return new Comparison(new Plan.Cond(col.table(), col.column(), op, null, number.number()), col, sameUnit, null);
    }
}
