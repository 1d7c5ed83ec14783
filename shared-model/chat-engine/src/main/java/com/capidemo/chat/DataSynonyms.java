package com.capidemo.chat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "Reason" for a column named delay_cause: WordNet lists "reason" among the words of the most common senses of
 * "cause", though not the other way round ("reason" is first a motive or the intellect). The words the data is named
 * with (table and column name parts, one-word categorical values) are looked up from their own side: a question word
 * that is a synonym of one of them names it. Synonyms only (same sense), never a broader word.
 */
final class DataSynonyms {

    private final Map<String, String> surfaceByStem = new TreeMap<>();
    /** Each synonym WordNet gives for a data word → those data words (built once per dataset). */
    private final Map<String, Set<String>> bySynonym = new java.util.HashMap<>();

    DataSynonyms(Schema schema) {
        for (Schema.Table t : schema.tables().values()) {
            parts(t.name());
            for (Schema.Column c : t.columns()) {
                if (c.identifier()) {
                    continue;
                }
                parts(c.name());
                for (String v : c.values() == null ? java.util.List.<String>of() : c.values()) {
                    if (v.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                        add(v);
                    }
                }
            }
        }
        for (String d : surfaceByStem.values()) {
            for (String synonym : Lexicon.of(d).synonyms()) {
                bySynonym.computeIfAbsent(synonym, k -> new TreeSet<>()).add(d);
            }
        }
    }

    private void parts(String name) {
        for (String part : name.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            add(part);
        }
    }

    private void add(String word) {
        if (word.length() >= 3 && !Words.STOP.contains(word)) {
            surfaceByStem.putIfAbsent(Words.stem(word), word);
        }
    }

    /**
     * The data words (one per stem) whose most common WordNet senses list {@code word} or one of its base forms as a
     * synonym; empty when WordNet knows none of them so.
     */
    Set<String> of(String word) {
        Set<String> asked = new TreeSet<>(Lexicon.of(word).forms());
        asked.add(word);
        Set<String> out = new TreeSet<>();
        for (String a : asked) {
            out.addAll(bySynonym.getOrDefault(a, Set.of()));
        }
        out.removeAll(asked);
        return out;
    }
}
