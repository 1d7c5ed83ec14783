package com.capidemo.chat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "How many late deliveries did we have?", "Which carrier had the most late deliveries?": "how many" or "the most"
 * / "the fewest" before a plural noun asks for a number of those things. A total, average or duration of a column the
 * noun does not name (the days late of another table's records, the days from shipping to delivery) answers another
 * question and is declined. Not when the noun is a word of the measured column's name ("the most hours worked", "how
 * many customers affected"), a unit of time ("how many days"), "units", a money word, or the column holds a number of
 * things (good_qty).
 */
final class CountOfRecords {

    private static final Set<String> MEASURES = Set.of("sum", "avg", "median");
    private static final Set<String> TIME_UNITS =
            Words.set("seconds", "minutes", "hours", "days", "weeks", "months", "years", "nights");
    private static final Set<String> UNITS = Words.set("units", "pieces");
    /** Stems of column names that hold a number of things (good_qty, quantity, units_sold, item_count). */
    private static final Set<String> QUANTITY = new java.util.HashSet<>(List.of(
            Words.stem("qty"), Words.stem("quantity"), Words.stem("units"), Words.stem("count"), Words.stem("number")));

    private static final Set<String> CURRENCY = Words.set("dollars", "euros", "pounds", "cents", "bucks");
    /** Words that end the noun phrase after the cue: a verb or a preposition. */
    private static final Set<String> PHRASE_END = Words.set(
            "did", "do", "does", "were", "was", "are", "is", "have", "has", "had", "in", "by", "per", "for", "of",
            "from", "to", "with", "on", "at", "each", "we");

    private CountOfRecords() {}

    static Optional<String> check(SemanticModel model, PlanDraft draft) {
        Plan.Measure m = draft.measure;
        if (draft.followUp || draft.metric != null || m == null || m.column() == null || !MEASURES.contains(m.kind())) {
            return Optional.empty();
        }
        List<Words.Token> tokens = draft.tokens;
        int cue = Cues.phrase(tokens, "how", "many");
        if (cue < 0) {
            for (int i = 0; i < tokens.size() && cue < 0; i++) {
                if (tokens.get(i).is("most", "fewest")
                        && (i == 0 || !tokens.get(i - 1).is("at"))) {
                    cue = i;
                }
            }
        }
        if (cue < 0) {
            return Optional.empty();
        }
        Words.Token noun = null;
        for (int k = cue + 1; k < Math.min(tokens.size(), cue + 6); k++) {
            Words.Token t = tokens.get(k);
            if (t.kind() == Words.Kind.WORD && PHRASE_END.contains(t.text()) && !(k == cue + 1 && t.is("on"))) {
                break;
            }
            if (t.kind() == Words.Kind.WORD && Lexicon.pluralNoun(t.text())) {
                noun = t;
                break;
            }
        }
        if (noun == null) {
            return Optional.empty();
        }
        if (UNITS.contains(noun.text()) || Words.nameStems(m.column()).stream().anyMatch(QUANTITY::contains)) {
            return Optional.empty(); // "how many units", a total of a quantity column counts things
        }
        if (m.duration()) {
            return TIME_UNITS.contains(noun.text())
                    ? Optional.empty()
                    : Optional.of("it asks for a number of " + noun.text() + ", and I could only compute the time from "
                            + m.startColumn() + " to " + m.column());
        }
        if (TIME_UNITS.contains(noun.text()) || Words.nameStems(m.column()).contains(Words.stem(noun.text()))) {
            return Optional.empty();
        }
        if ((Words.MONEY.contains(noun.text()) || CURRENCY.contains(noun.text()))) {
            return Optional.empty();
        }
        for (SemanticModel.Mention x : draft.sel) {
            if (x.kind() == SemanticModel.Kind.COLUMN
                    && m.table().equals(x.table())
                    && m.column().equals(x.column())
                    && x.first() <= noun.index()
                    && noun.index() <= x.last()) {
                return Optional.empty(); // the noun names the measured column ("how many units" of quantity)
            }
        }
        String what = (m.kind().equals("sum") ? "a total of " : "an average of ") + m.column();
        return Optional.of("it asks for a number of " + noun.text() + ", and I could only compute " + what);
    }
}
