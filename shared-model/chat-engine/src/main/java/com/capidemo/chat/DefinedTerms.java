package com.capidemo.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terms the system instruction defines ("Paying account = account with a current subscription whose mrr > 0") that no
 * mechanism learned as a set of records, a column, a sum or a ratio (a golden query's measure of the same name counts
 * only when the plan is that measure). A question that says such a term is declined
 * naming the definition, unless it is answered by a learned measure of the golden queries: planned from the term's
 * words alone ("paying" as paid invoices) it would ignore what the owner wrote the term means.
 */
final class DefinedTerms {

    private static final Pattern DEFINITION =
            Pattern.compile("^\\s*([A-Za-z][A-Za-z' -]{1,40}?)\\s*=\\s*(.+?)\\s*\\.?\\s*$");

    private DefinedTerms() {}

    /** Records the definitions whose name the lexicon does not hold (call after every definition is learned). */
    static void learn(SemanticModel model, String instruction) {
        if (instruction == null || instruction.isBlank()) {
            return;
        }
        for (String raw : instruction.split("\\n|;|\\.\\s+")) {
            Matcher d = DEFINITION.matcher(raw.replaceFirst("^\\s*-\\s*", ""));
            if (!d.matches()) {
                continue;
            }
            List<String> stems = content(d.group(1), true);
            List<String> all = content(d.group(1), false);
            if (stems.isEmpty() || all.size() > 4 || applied(model, stems)) {
                continue;
            }
            model.unappliedTerms.put(
                    all, d.group(1).strip() + " = " + d.group(2).strip());
        }
    }

    private static boolean applied(SemanticModel model, List<String> stems) {
        return model.entries.stream()
                        .anyMatch(e -> e.words().equals(stems)
                                && e.kind() != SemanticModel.Kind.METRIC
                                && !(e.kind() == SemanticModel.Kind.COLUMN && e.partial()))
                || model.definedSums.stream().anyMatch(s -> s.stems().equals(stems) && s.conditions() != null)
                || model.schema.tables().values().stream()
                        .flatMap(t -> t.columns().stream())
                        .anyMatch(c -> holds(c.name(), stems));
    }

    /** Name parts that say how a column holds a value, not what it is (load_factor_pct holds the load factor). */
    private static final Set<String> HOLDING = Set.of("pct", "percent", "amt", "usd", "val", "valu", "avg", "rate");

    /** A column holding the defined value for each row: its name is the term, but for a part saying how it is held. */
    private static boolean holds(String column, List<String> stems) {
        List<String> parts = new ArrayList<>(Words.nameStems(column));
        if (parts.size() > stems.size() && HOLDING.contains(parts.get(parts.size() - 1))) {
            parts.remove(parts.size() - 1);
        }
        return parts.equals(stems);
    }

    /** A plan not from a learned measure, for a question saying an unapplied defined term: declined. */
    static Optional<String> check(SemanticModel model, PlanDraft draft) {
        if (draft.metric != null || model.unappliedTerms.isEmpty()) {
            return Optional.empty();
        }
        return said(model, draft.tokens)
                .map(d -> "the system instruction defines \"" + d
                        + "\", and I could not apply that definition to this question");
    }

    /** The definition of an unapplied term the tokens say, if any. */
    static Optional<String> said(SemanticModel model, List<Words.Token> tokens) {
        List<Words.Token> words =
                tokens.stream().filter(t -> t.kind() == Words.Kind.WORD).toList();
        for (var e : model.unappliedTerms.entrySet()) {
            if (says(words, e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The term's words in a row, each by its stem or the stem of the word as typed ("paying": pai). */
    private static boolean says(List<Words.Token> said, List<String> term) {
        for (int i = 0; i + term.size() <= said.size(); i++) {
            boolean all = true;
            for (int j = 0; j < term.size() && all; j++) {
                Words.Token t = said.get(i + j);
                all = term.get(j).equals(t.stem()) || term.get(j).equals(Words.porter(t.text()));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static List<String> content(String text, boolean dropStop) {
        List<String> out = new ArrayList<>();
        for (Words.Token t : Words.tokenize(text.toLowerCase(Locale.ROOT))) {
            if (t.kind() == Words.Kind.WORD && !(dropStop && Words.STOP.contains(t.text()))) {
                out.add(t.stem());
            }
        }
        return out;
    }
}
