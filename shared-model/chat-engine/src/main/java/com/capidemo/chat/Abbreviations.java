package com.capidemo.chat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Abbreviations the data uses in its own names ("csat_score", "nps_responses", a golden query's "mrr"): the parts of
 * table, column and measure names that no dictionary knows. A question that spells one out ("customer satisfaction
 * score") names it: each of its consecutive words gives a leading piece of the abbreviation, in order ("c" + "sat").
 */
final class Abbreviations {

    private static final int SHORTEST = 3;
    private static final int LONGEST = 5;
    /** An abbreviation is spelled out by two to four consecutive words. */
    private static final int MOST_WORDS = 4;

    private Abbreviations() {}

    /** The name parts of the model's tables, columns and learned measures that are abbreviations. */
    static Set<String> of(SemanticModel model) {
        Set<String> names = new TreeSet<>();
        for (Schema.Table t : model.schema.tables().values()) {
            names.add(t.name());
            t.columns().forEach(c -> names.add(c.name()));
        }
        model.metrics.forEach(m -> names.add(m.name()));
        Set<String> out = new TreeSet<>();
        for (String name : names) {
            for (String part : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (part.length() >= SHORTEST
                        && part.length() <= LONGEST
                        && part.chars().allMatch(c -> c >= 'a' && c <= 'z')
                        && !Lexicon.known(part)) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /**
     * The window of consecutive words around {@code at} that spells out exactly one of the abbreviations: its first
     * index, its last index and the abbreviation; null when there is none or more than one.
     */
    static Spelled around(List<Words.Token> tokens, int at, Set<String> abbreviations) {
        Spelled found = null;
        for (int from = Math.max(0, at - MOST_WORDS + 1); from <= at; from++) {
            for (int to = Math.max(at, from + 1); to < Math.min(tokens.size(), from + MOST_WORDS); to++) {
                List<String> words = tokens.subList(from, to + 1).stream()
                        .filter(t -> t.kind() == Words.Kind.WORD)
                        .map(Words.Token::text)
                        .toList();
                if (words.size() != to - from + 1) {
                    continue;
                }
                for (String a : abbreviations) {
                    if (spells(a, words)) {
                        if (found != null && !found.abbreviation().equals(a)) {
                            return null; // two abbreviations: a guess
                        }
                        if (found == null || to - from > found.to() - found.from()) {
                            found = new Spelled(from, to, a);
                        }
                    }
                }
            }
        }
        return found;
    }

    record Spelled(int from, int to, String abbreviation) {}

    /** Whether each word, in order, gives a non-empty leading piece of the abbreviation and together they make it. */
    static boolean spells(String abbreviation, List<String> words) {
        return spells(abbreviation, 0, words, 0);
    }

    private static boolean spells(String a, int pos, List<String> words, int w) {
        if (w == words.size()) {
            return pos == a.length();
        }
        String word = words.get(w);
        for (int len = 1; len <= word.length() && pos + len <= a.length(); len++) {
            if (word.charAt(len - 1) != a.charAt(pos + len - 1)) {
                return false;
            }
            if (spells(a, pos + len, words, w + 1)) {
                return true;
            }
        }
        return false;
    }
}
