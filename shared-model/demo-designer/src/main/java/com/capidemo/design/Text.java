package com.capidemo.design;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small, locale-independent text helpers for offline keyword mining. */
final class Text {

    private static final Set<String> STOPWORDS = Set.of(
            "the",
            "and",
            "for",
            "with",
            "from",
            "that",
            "this",
            "our",
            "their",
            "they",
            "them",
            "are",
            "was",
            "were",
            "will",
            "have",
            "has",
            "had",
            "into",
            "over",
            "more",
            "most",
            "about",
            "across",
            "also",
            "such",
            "than",
            "then",
            "which",
            "while",
            "who",
            "whom",
            "your",
            "you",
            "its",
            "www",
            "http",
            "https",
            "com",
            "org",
            "net",
            "html",
            "inc",
            "llc",
            "ltd",
            "corp",
            "company",
            "leading",
            "based",
            "provider",
            "providers",
            "customers",
            "customer",
            "services",
            "service",
            "solutions",
            "want",
            "need",
            "needs",
            "like",
            "would",
            "could",
            "should",
            "can",
            "all",
            "any",
            "each",
            "many",
            "some",
            "very",
            "one",
            "two",
            "use",
            "using",
            "used",
            "how",
            "what",
            "why",
            "when",
            "where",
            "not",
            "but",
            "out",
            "per",
            "via",
            "new",
            "data",
            "analytics",
            "analysis",
            "demo",
            "show",
            "see",
            "understand",
            "track");

    private Text() {}

    /** Lower-case words joined by single spaces, everything else removed. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    static List<String> words(String text) {
        String n = normalize(text);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /** Distinct meaningful words of {@code text}, in order of first appearance, singularised crudely. */
    static List<String> keywords(String text, int limit) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(text)) {
            if (w.length() >= 3 && !STOPWORDS.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                out.add(w);
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether {@code word} and {@code other} are the same word up to a plural s. */
    static boolean sameWord(String word, String other) {
        return word.equals(other)
                || (word + "s").equals(other)
                || (other + "s").equals(word)
                || (word.endsWith("ies") && other.equals(word.substring(0, word.length() - 3) + "y"))
                || (other.endsWith("ies") && word.equals(other.substring(0, other.length() - 3) + "y"));
    }

    static String humanize(String identifier) {
        return identifier.replace('_', ' ');
    }
}
