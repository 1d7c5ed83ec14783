package com.capidemo.core.sql;

import java.util.Locale;

/**
 * One token of a SQL text, as {@link SqlLexer} splits it.
 *
 * @param kind   what it is
 * @param text   its value: a string literal's or quoted identifier's content with the quoting and escapes undone,
 *               otherwise the text as written
 * @param source the token exactly as written (quotes, {@code E} prefix and dollar tags included)
 * @param lead   the whitespace and comments before it, so that {@code lead + source} of every token followed by
 *               {@link SqlLexer.Lexed#trailing()} gives the SQL back byte for byte
 */
public record SqlToken(Kind kind, String text, String source, String lead) {

    public enum Kind {
        /** A bare word: keyword, function or unquoted identifier (letters, digits, {@code _}, {@code $}). */
        WORD,
        /** A quoted identifier: {@code "name"} or {@code `name`}. */
        QUOTED,
        /** A string literal: {@code 'x'}, {@code E'x'} or {@code $$x$$}. */
        STRING,
        NUMBER,
        /** An operator or punctuation: one character, or one of the two-character operators. */
        SYMBOL
    }

    /** Upper-case text (keywords, function names). */
    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** The identifier this token names (bare or quoted), lower-case for bare words. */
    public String identifier() {
        return kind == Kind.QUOTED ? text : text.toLowerCase(Locale.ROOT);
    }

    /** Same kind and value wherever it stands (its spacing and quoting style aside). */
    public boolean sameAs(SqlToken other) {
        return other != null && kind == other.kind && text.equals(other.text);
    }
}
