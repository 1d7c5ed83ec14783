package com.capidemo.chat;

import com.capidemo.core.domain.GoldenQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Recognises a golden question: exactly (ignoring case, punctuation and spacing) or as a near-exact paraphrase that
 * uses the same content words (after stemming) and the same numbers, only phrased or ordered differently ("Which
 * checkout step do shoppers abandon most often?" for "At which checkout step do shoppers most often abandon their
 * checkout?"). Anything that adds, drops or changes a meaningful word goes to the planner instead.
 */
final class GoldenMatcher {

    private static final Set<String> FUNCTION_WORDS = Words.set(
            "a", "an", "the", "of", "in", "on", "at", "for", "to", "from", "with", "and", "is", "are", "was", "were",
            "be", "been", "do", "does", "did", "what", "show", "me", "give", "list", "tell", "please", "can", "could",
            "would", "you", "we", "our", "us", "i", "my", "there", "their", "this", "that", "these", "those", "it",
            "its", "have", "has", "had", "get", "got", "s", "whats", "during", "so", "far", "up", "as", "by", "per",
            "each", "every", "across", "into", "than", "then", "ones", "one", "all");

    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private final List<GoldenQuery> goldens;

    GoldenMatcher(List<GoldenQuery> goldens) {
        this.goldens = goldens;
    }

    Optional<GoldenQuery> match(String question) {
        String exact = normalize(question);
        for (GoldenQuery g : goldens) {
            if (g.question() != null && normalize(g.question()).equals(exact)) {
                return Optional.of(g);
            }
        }
        Set<String> key = key(question);
        if (key.size() < 3) {
            return Optional.empty();
        }
        GoldenQuery found = null;
        for (GoldenQuery g : goldens) {
            if (g.question() != null && key(g.question()).equals(key)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = g;
            }
        }
        return Optional.ofNullable(found);
    }

    static String normalize(String q) {
        return NOT_ALNUM
                .matcher(q.toLowerCase(Locale.ROOT).replace('\u2019', '\''))
                .replaceAll(" ")
                .strip();
    }

    /** Content stems and numbers of a question, order-free. */
    static Set<String> key(String q) {
        Set<String> out = new TreeSet<>();
        for (Words.Token t : Words.tokenize(q)) {
            if (t.kind() == Words.Kind.WORD && FUNCTION_WORDS.contains(t.text())) {
                continue;
            }
            out.add(t.kind() == Words.Kind.WORD ? t.stem() : "#" + t.text());
        }
        return out;
    }
}
