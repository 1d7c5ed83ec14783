package com.capidemo.chat;

import java.util.List;
import java.util.Set;

/**
 * A question as the planning stages see it: its tokens, the time expressions found in it, a "top N" cue and the
 * previous turn's plan (null when there is none).
 */
record Question(List<Words.Token> tokens, TimeParser.Result time, TopN top, Plan previous) {

    /** "top 5", "the 3 lowest": the number's token, N and the direction. */
    record TopN(int token, int n, boolean ascending) {}

    String text(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).text() : "";
    }

    boolean has(Set<String> words) {
        return tokens.stream().anyMatch(t -> words.contains(t.text()));
    }

    boolean has(String word) {
        return tokens.stream().anyMatch(t -> t.text().equals(word));
    }

    int indexOf(String word) {
        for (Words.Token t : tokens) {
            if (t.text().equals(word)) {
                return t.index();
            }
        }
        return -1;
    }
}
