package com.capidemo.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * A general English lexicon (WordNet 3.1 through extJWNL) for the words a question uses that the dataset's own
 * vocabulary lacks: the base form of an inflected word ("bought" → buy) and the words that share its most common
 * senses (buy ↔ purchase, client ↔ customer, physician ↔ doctor), or are derived from them (purchase ↔ buyer). Nothing
 * in it is specific to a dataset: the planner keeps only the alternatives that name something in the data, and only
 * when exactly one does. Loaded once per JVM (a few seconds), when the first dataset's knowledge is built.
 */
final class Lexicon {

    /** Senses of a word considered per part of speech: the most common ones only (WordNet orders senses by use). */
    private static final int SENSES = 2;

    private static volatile Dictionary dictionary;
    private static volatile boolean unavailable;
    private static final ConcurrentHashMap<String, Alternatives> CACHE = new ConcurrentHashMap<>();

    /**
     * What WordNet offers for a word: its base forms, synonyms (same sense) and derived words, each lower-case, of 3
     * letters or more; and its 2-letter synonyms apart ("kg" for kilogram), which name something only where a schema
     * spells a unit that way.
     */
    record Alternatives(Set<String> forms, Set<String> synonyms, Set<String> derived, Set<String> shortSynonyms) {
        static final Alternatives NONE = new Alternatives(Set.of(), Set.of(), Set.of(), Set.of());
    }

    private Lexicon() {}

    /** Loads the dictionary now (once per JVM) so no question waits for it. */
    static void load() {
        dictionary();
    }

    static Dictionary dictionary() {
        if (dictionary == null && !unavailable) {
            synchronized (Lexicon.class) {
                if (dictionary == null && !unavailable) {
                    try {
                        dictionary = Dictionary.getDefaultResourceInstance();
                    } catch (JWNLException | RuntimeException e) {
                        unavailable = true; // without the lexicon the planner only knows the data's own words
                    }
                }
            }
        }
        return dictionary;
    }

    /** Whether the dictionary knows a lower-case word in any part of speech (in any of its forms). */
    static boolean known(String word) {
        Dictionary d = dictionary();
        if (d == null) {
            return true; // without the lexicon nothing can be told apart from an English word
        }
        try {
            for (POS pos : POS.getAllPOS()) {
                if (d.lookupIndexWord(pos, word) != null) {
                    return true;
                }
            }
            return false;
        } catch (JWNLException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Whether a lower-case word is a plural noun form: a noun whose base form in the dictionary is another word
     * ("orders" → order, "people" → person). A word the dictionary knows only as itself ("downtime", "revenue") is not;
     * without the dictionary, a word ending in a plural "s".
     */
    static boolean pluralNoun(String word) {
        Dictionary d = dictionary();
        if (d == null) {
            return !Words.singular(word).equals(word);
        }
        try {
            List<String> bases = d.getMorphologicalProcessor().lookupAllBaseForms(POS.NOUN, word);
            if (bases.isEmpty()) {
                return !Words.singular(word).equals(word); // a word the dictionary does not know ("skus")
            }
            return bases.stream().anyMatch(base -> !word.equals(base));
        } catch (JWNLException | RuntimeException e) {
            return !Words.singular(word).equals(word);
        }
    }

    /** Whether the dictionary knows a noun or noun compound ("mobile phone") exactly as written. */
    static boolean knownNoun(String phrase) {
        Dictionary d = dictionary();
        if (d == null) {
            return false;
        }
        try {
            return d.getIndexWord(POS.NOUN, phrase) != null
                    || d.getIndexWord(POS.NOUN, phrase.replace(' ', '_')) != null;
        } catch (JWNLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The noun compounds an acronym abbreviates ("er" → "emergency room"): the multi-word nouns of a sense of the
     * lower-case acronym whose words' initials spell it, each lower-case with its words separated by a space.
     */
    static Set<String> expansions(String acronym) {
        Dictionary d = dictionary();
        if (d == null || !acronym.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        try {
            IndexWord iw = d.getIndexWord(POS.NOUN, acronym);
            if (iw == null) {
                return Set.of();
            }
            for (Synset s : iw.getSenses()) {
                for (Word w : s.getWords()) {
                    String[] parts =
                            w.getLemma().toLowerCase(java.util.Locale.ROOT).split("[_ ]+");
                    if (parts.length < 2 || parts.length != acronym.length()) {
                        continue;
                    }
                    StringBuilder initials = new StringBuilder();
                    boolean plain = true;
                    for (String part : parts) {
                        plain = plain && !part.isEmpty() && part.chars().allMatch(c -> c >= 'a' && c <= 'z');
                        initials.append(part.isEmpty() ? ' ' : part.charAt(0));
                    }
                    if (plain && initials.toString().equals(acronym)) {
                        out.add(String.join(" ", parts));
                    }
                }
            }
        } catch (JWNLException | RuntimeException e) {
            return Set.of();
        }
        return out;
    }

    /**
     * The nouns an adjective pertains to in its most common senses ("japanese" → japan, "british" → britain), each
     * lower-case, single plain words only.
     */
    static Set<String> pertainyms(String word) {
        Dictionary d = dictionary();
        if (d == null || word.length() < 3 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        try {
            IndexWord iw = d.lookupIndexWord(POS.ADJECTIVE, word);
            if (iw == null) {
                return Set.of();
            }
            List<Synset> senses = iw.getSenses();
            for (Synset s : senses.subList(0, Math.min(SENSES, senses.size()))) {
                for (Word w : s.getWords()) {
                    if (!w.getLemma().equalsIgnoreCase(word)) {
                        continue;
                    }
                    for (Pointer p : w.getPointers(PointerType.PERTAINYM)) {
                        if (p.getTarget() instanceof Word target) {
                            add(out, target.getLemma());
                        }
                    }
                }
            }
        } catch (JWNLException | RuntimeException e) {
            return Set.of();
        }
        out.remove(word);
        return out;
    }

    /** The base form of a verb WordNet knows ("taken" → take, "use" → use), or null when the word is no verb form. */
    static String verbBase(String word) {
        Dictionary d = dictionary();
        if (d == null || word.length() < 3 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return null;
        }
        try {
            IndexWord iw = d.lookupIndexWord(POS.VERB, word);
            if (iw == null) {
                return null;
            }
            return iw.getLemma().toLowerCase(java.util.Locale.ROOT);
        } catch (JWNLException | RuntimeException e) {
            return null;
        }
    }

    /** The alternatives of a lower-case word (none when WordNet does not know it). */
    static Alternatives of(String word) {
        if (word.length() < 3 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Alternatives.NONE;
        }
        return CACHE.computeIfAbsent(word, Lexicon::lookUp);
    }

    private static Alternatives lookUp(String word) {
        Dictionary d = dictionary();
        if (d == null) {
            return Alternatives.NONE;
        }
        Set<String> forms = new LinkedHashSet<>();
        Set<String> synonyms = new LinkedHashSet<>();
        Set<String> derived = new LinkedHashSet<>();
        Set<String> shortSynonyms = new LinkedHashSet<>();
        try {
            for (POS pos : List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE)) {
                IndexWord iw = d.lookupIndexWord(pos, word);
                if (iw == null) {
                    continue;
                }
                forms.add(iw.getLemma().toLowerCase(java.util.Locale.ROOT));
                List<Synset> senses = iw.getSenses();
                for (Synset s : senses.subList(0, Math.min(SENSES, senses.size()))) {
                    for (Word w : s.getWords()) {
                        add(synonyms, w.getLemma());
                        String l = w.getLemma().toLowerCase(java.util.Locale.ROOT);
                        if (l.length() == 2 && l.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                            shortSynonyms.add(l);
                        }
                    }
                    for (Pointer p : s.getPointers(PointerType.DERIVATION)) {
                        Synset target = p.getTargetSynset();
                        if (target != null) {
                            for (Word w : target.getWords()) {
                                add(derived, w.getLemma());
                            }
                        }
                    }
                }
            }
        } catch (JWNLException | RuntimeException e) {
            return Alternatives.NONE;
        }
        forms.remove(word);
        synonyms.removeAll(forms);
        synonyms.remove(word);
        derived.removeAll(synonyms);
        derived.removeAll(forms);
        derived.remove(word);
        shortSynonyms.remove(word);
        return new Alternatives(
                Set.copyOf(new ArrayList<>(forms)),
                Set.copyOf(synonyms),
                Set.copyOf(derived),
                Set.copyOf(shortSynonyms));
    }

    /**
     * Whether a noun's (or noun compound's) most common sense is money itself: its gloss says so ("financial aid":
     * gift of money or other material help; "payment": a sum of money paid …; "refund": money returned to a payer;
     * "grant": any monetary aid). Records that involve money without being it (orders, loans, subscriptions, claims) are not.
     */
    static boolean moneyNoun(String word) {
        Dictionary d = dictionary();
        if (d == null || word.length() < 3) {
            return false;
        }
        return MONEY_NOUNS.computeIfAbsent(word, w -> {
            try {
                IndexWord iw = w.contains(" ") ? d.getIndexWord(POS.NOUN, w) : d.lookupIndexWord(POS.NOUN, w);
                if (iw == null && w.contains(" ")) {
                    iw = d.getIndexWord(POS.NOUN, w.replace(' ', '_'));
                }
                return iw != null
                        && !iw.getSenses().isEmpty()
                        && money(iw.getSenses().get(0));
            } catch (JWNLException | RuntimeException e) {
                return false;
            }
        });
    }

    private static final ConcurrentHashMap<String, Boolean> MONEY_NOUNS = new ConcurrentHashMap<>();

    /** A gloss that says the thing is money: "money returned to a payer", "gift of money …", "any monetary aid". */
    private static final java.util.regex.Pattern MONEY_GLOSS =
            java.util.regex.Pattern.compile("(?:(?:a|an|any) )?(?:[a-z]+ of money|money|monetary)\\b");

    private static boolean money(Synset s) {
        String gloss = s.getGloss() == null ? "" : s.getGloss().toLowerCase(java.util.Locale.ROOT);
        return MONEY_GLOSS.matcher(gloss).lookingAt()
                || s.getWords().stream().anyMatch(x -> x.getLemma().equalsIgnoreCase("money"));
    }

    /** Single plain words only: "medical practitioner" or "Dr." name nothing a schema word can match. */
    private static void add(Set<String> out, String lemma) {
        String l = lemma.toLowerCase(java.util.Locale.ROOT);
        if (l.chars().allMatch(c -> c >= 'a' && c <= 'z') && l.length() >= 3) {
            out.add(l);
        }
    }
}
