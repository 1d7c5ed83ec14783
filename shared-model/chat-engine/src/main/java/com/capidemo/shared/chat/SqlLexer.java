package com.capidemo.shared.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits DuckDB SQL into tokens (keywords and identifiers, quoted identifiers, string literals, numbers, symbols),
 * dropping whitespace and comments. Used to check generated SQL and to rewrite column references; never to execute.
 */
final class SqlLexer {

    enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    record Tok(Kind kind, String text) {
        /** Upper-case text of a bare word (keywords, function names). */
        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String s) {
            return kind == Kind.SYMBOL && text.equals(s);
        }

        /** The identifier this token names (bare or quoted), lower-case for bare words. */
        String identifier() {
            return kind == Kind.QUOTED ? text : text.toLowerCase(Locale.ROOT);
        }

        boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }
    }

    /** SQL the lexer cannot split safely (an unterminated string, comment or quoted identifier). */
    static final class LexException extends RuntimeException {
        LexException(String message) {
            super(message);
        }
    }

    private SqlLexer() {
    }

    static List<Tok> lex(String sql) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new LexException("unterminated comment");
                }
                i = end + 2;
            } else if (c == '\'') {
                StringBuilder s = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new LexException("unterminated string literal");
                    }
                    char d = sql.charAt(j);
                    if (d == '\'') {
                        if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                            s.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    s.append(d);
                    j++;
                }
                out.add(new Tok(Kind.STRING, s.toString()));
                i = j + 1;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new LexException("unterminated quoted identifier");
                    }
                    char d = sql.charAt(j);
                    if (d == '"') {
                        if (j + 1 < n && sql.charAt(j + 1) == '"') {
                            s.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    s.append(d);
                    j++;
                }
                out.add(new Tok(Kind.QUOTED, s.toString()));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Tok(Kind.WORD, sql.substring(i, j)));
                i = j;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.' || sql.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Tok(Kind.NUMBER, sql.substring(i, j)));
                i = j;
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                if (List.of("::", "<=", ">=", "<>", "!=", "||", "->", "=>", ":=", "**", "//", "<<", ">>").contains(two)) {
                    out.add(new Tok(Kind.SYMBOL, two));
                    i += 2;
                } else {
                    out.add(new Tok(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                }
            }
        }
        return out;
    }
}
