package com.capidemo.core.sql;

import java.util.ArrayList;
import java.util.List;

/** Reading the structure of a token list: what is outside every parenthesis, splitting there, matching parentheses. */
public final class SqlTokens {

    private SqlTokens() {}

    /** For each token: true when it is outside every parenthesis and is not a parenthesis itself. */
    public static boolean[] topLevel(List<SqlToken> toks) {
        boolean[] top = new boolean[toks.size()];
        int depth = 0;
        for (int i = 0; i < toks.size(); i++) {
            SqlToken t = toks.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else {
                top[i] = depth == 0;
            }
        }
        return top;
    }

    /** Whether {@code word} appears outside every parenthesis. */
    public static boolean hasTopLevel(List<SqlToken> toks, String word) {
        boolean[] top = topLevel(toks);
        for (int i = 0; i < toks.size(); i++) {
            if (top[i] && toks.get(i).isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** The parts between top-level {@code symbol}s (select items between commas); views of {@code toks}. */
    public static List<List<SqlToken>> splitTop(List<SqlToken> toks, String symbol) {
        List<List<SqlToken>> out = new ArrayList<>();
        boolean[] top = topLevel(toks);
        int start = 0;
        for (int i = 0; i < toks.size(); i++) {
            if (top[i] && toks.get(i).isSymbol(symbol)) {
                out.add(toks.subList(start, i));
                start = i + 1;
            }
        }
        out.add(toks.subList(start, toks.size()));
        return out;
    }

    /** The parts between top-level {@code word}s (conditions between ANDs), keeping BETWEEN … AND … together. */
    public static List<List<SqlToken>> splitTopWord(List<SqlToken> toks, String word) {
        List<List<SqlToken>> out = new ArrayList<>();
        boolean[] top = topLevel(toks);
        int start = 0;
        boolean between = false;
        for (int i = 0; i < toks.size(); i++) {
            SqlToken t = toks.get(i);
            if (top[i] && t.isWord("BETWEEN")) {
                between = true;
            } else if (top[i] && t.isWord(word)) {
                if (between) {
                    between = false;
                    continue;
                }
                out.add(toks.subList(start, i));
                start = i + 1;
            }
        }
        out.add(toks.subList(start, toks.size()));
        return out;
    }

    /** Index of the parenthesis closing the first one at or after {@code from}, or -1. */
    public static int closingParen(List<SqlToken> toks, int from) {
        int depth = 0;
        for (int i = from; i < toks.size(); i++) {
            if (toks.get(i).isSymbol("(")) {
                depth++;
            } else if (toks.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether both lists hold the same tokens ({@link SqlToken#sameAs}), wherever they stand in their SQL. */
    public static boolean sameText(List<SqlToken> a, List<SqlToken> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
