package com.capidemo.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Other spellings of a word (British and American: labour/labor, centre/center, organisation/organization): a lemma
 * of one of the word's two most common WordNet senses that differs from it by one letter more or less, one s for a z,
 * or its last two letters swapped, and whose own two most common senses are all senses of the word too. So "metre"
 * (the unit) is no spelling of "meter" where a meter is also a measuring instrument.
 */
final class SpellingVariants {

    private static final int SENSES = 2;
    private static final ConcurrentHashMap<String, Set<String>> CACHE = new ConcurrentHashMap<>();

    private SpellingVariants() {}

    /** The other spellings of a lower-case word; empty when WordNet gives none. */
    static Set<String> of(String word) {
        if (word.length() < 5 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Set.of();
        }
        return CACHE.computeIfAbsent(word, SpellingVariants::lookUp);
    }

    private static Set<String> lookUp(String word) {
        Dictionary d = Lexicon.dictionary();
        if (d == null) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        try {
            for (POS pos : List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE)) {
                IndexWord iw = d.lookupIndexWord(pos, word);
                if (iw == null) {
                    continue;
                }
                String lemma = iw.getLemma().toLowerCase(Locale.ROOT);
                Set<Long> own = new HashSet<>();
                for (Synset s : iw.getSenses()) {
                    own.add(s.getOffset());
                }
                List<Synset> senses = iw.getSenses();
                for (Synset s : senses.subList(0, Math.min(SENSES, senses.size()))) {
                    for (Word w : s.getWords()) {
                        String v = w.getLemma().toLowerCase(Locale.ROOT);
                        if (!variant(lemma, v)) {
                            continue;
                        }
                        IndexWord other = d.getIndexWord(pos, v);
                        if (other == null) {
                            continue;
                        }
                        List<Synset> theirs = other.getSenses();
                        if (theirs.subList(0, Math.min(SENSES, theirs.size())).stream()
                                .allMatch(t -> own.contains(t.getOffset()))) {
                            out.add(v);
                        }
                    }
                }
            }
        } catch (JWNLException | RuntimeException e) {
            return Set.of();
        }
        return Set.copyOf(out);
    }

    /** One letter more or less, an s for a z, or the last two letters swapped, in words of five letters or more. */
    static boolean variant(String a, String b) {
        if (a.equals(b)
                || Math.min(a.length(), b.length()) < 5
                || !(a + b).chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return false;
        }
        if (a.length() == b.length()) {
            int n = a.length();
            int first = 0;
            while (a.charAt(first) == b.charAt(first)) {
                first++;
            }
            if (a.substring(first + 1).equals(b.substring(first + 1))) {
                char x = a.charAt(first);
                char y = b.charAt(first);
                return x == 's' && y == 'z' || x == 'z' && y == 's';
            }
            return first == n - 2 && a.charAt(n - 1) == b.charAt(n - 2) && a.charAt(n - 2) == b.charAt(n - 1);
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer.equals(a) ? b : a;
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        return longer.substring(i + 1).equals(shorter.substring(i));
    }
}
