package com.capidemo.core.sql;

import com.capidemo.core.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits SQL into tokens the way DuckDB reads it, keeping each token's leading whitespace and comments so the text
 * can be rebuilt exactly. Never executes anything; used to check generated SQL, find the tables it reads and rewrite
 * it for BigQuery.
 *
 * <ul>
 *   <li>comments: {@code -- to the end of the line} and {@code /* ... *}{@code /}, which nest as in DuckDB</li>
 *   <li>strings: {@code 'it''s'}; escape strings {@code E'it\'s'} (backslash escapes {@code \n \t \r \b \f},
 *       {@code \x41}, octal {@code \101}, anything else stands for itself); dollar-quoted {@code $$...$$} and
 *       {@code $tag$...$tag$}</li>
 *   <li>quoted identifiers: {@code "a""b"} and {@code `a``b`} (a doubled quote is one quote character)</li>
 *   <li>words: a letter or {@code _}, then letters, digits, {@code _} and {@code $}; numbers: a digit (or {@code .}
 *       and a digit), then letters, digits, {@code .} and {@code _} ({@code 1_000}, {@code 1e3})</li>
 *   <li>symbols: the two-character operators below, else one character</li>
 * </ul>
 */
public final class SqlLexer {

    /** The tokens of a SQL text, and the whitespace and comments after the last one. */
    public record Lexed(List<SqlToken> tokens, String trailing) {}

    private static final Set<String> TWO_CHARACTER_SYMBOLS =
            Set.of("::", "<=", ">=", "<>", "!=", "||", "->", "=>", ":=", "**", "//", "<<", ">>");

    private final String sql;
    private final int n;
    private int i;

    private SqlLexer(String sql) {
        this.sql = sql;
        this.n = sql.length();
    }

    /**
     * @throws SqlSyntaxException for an unterminated comment, string literal or quoted identifier
     */
    public static List<SqlToken> tokens(String sql) {
        return lex(sql).tokens();
    }

    /**
     * @throws SqlSyntaxException for an unterminated comment, string literal or quoted identifier
     */
    public static Lexed lex(String sql) {
        return new SqlLexer(sql).run();
    }

    private Lexed run() {
        List<SqlToken> out = new ArrayList<>();
        while (true) {
            int start = i;
            skipTrivia();
            String lead = sql.substring(start, i);
            if (i >= n) {
                return new Lexed(List.copyOf(out), lead);
            }
            out.add(token(lead));
        }
    }

    private void skipTrivia() {
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        int depth = 0;
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return;
                }
            } else {
                i++;
            }
        }
        throw new SqlSyntaxException("unterminated comment");
    }

    private SqlToken token(String lead) {
        int start = i;
        char c = sql.charAt(i);
        if (c == '\'') {
            return new SqlToken(Kind.STRING, quoted('\'', "string literal"), sql.substring(start, i), lead);
        }
        if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'') {
            i++;
            return new SqlToken(Kind.STRING, escapeString(), sql.substring(start, i), lead);
        }
        if (c == '"' || c == '`') {
            return new SqlToken(Kind.QUOTED, quoted(c, "quoted identifier"), sql.substring(start, i), lead);
        }
        if (c == '$') {
            String tag = dollarTag();
            if (tag != null) {
                return new SqlToken(Kind.STRING, dollarString(tag), sql.substring(start, i), lead);
            }
        }
        if (Character.isLetter(c) || c == '_') {
            i++;
            while (i < n
                    && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                i++;
            }
            return plain(Kind.WORD, start, lead);
        }
        if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
            i++;
            while (i < n
                    && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.' || sql.charAt(i) == '_')) {
                i++;
            }
            return plain(Kind.NUMBER, start, lead);
        }
        i += i + 1 < n && TWO_CHARACTER_SYMBOLS.contains(sql.substring(i, i + 2)) ? 2 : 1;
        return plain(Kind.SYMBOL, start, lead);
    }

    private SqlToken plain(Kind kind, int start, String lead) {
        String text = sql.substring(start, i);
        return new SqlToken(kind, text, text, lead);
    }

    /** The content between {@code quote}s starting at i, a doubled quote standing for one; i ends past the close. */
    private String quoted(char quote, String what) {
        StringBuilder s = new StringBuilder();
        int j = i + 1;
        while (true) {
            if (j >= n) {
                throw new SqlSyntaxException("unterminated " + what);
            }
            char d = sql.charAt(j);
            if (d == quote) {
                if (j + 1 < n && sql.charAt(j + 1) == quote) {
                    s.append(quote);
                    j += 2;
                    continue;
                }
                break;
            }
            s.append(d);
            j++;
        }
        i = j + 1;
        return s.toString();
    }

    /** {@code E'...'} from its quote at i: backslash escapes as well as doubled quotes. */
    private String escapeString() {
        StringBuilder s = new StringBuilder();
        int j = i + 1;
        while (true) {
            if (j >= n) {
                throw new SqlSyntaxException("unterminated string literal");
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
            if (d != '\\') {
                s.append(d);
                j++;
                continue;
            }
            if (j + 1 >= n) {
                throw new SqlSyntaxException("unterminated string literal");
            }
            char e = sql.charAt(j + 1);
            j += 2;
            switch (e) {
                case 'n' -> s.append('\n');
                case 't' -> s.append('\t');
                case 'r' -> s.append('\r');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'x' -> {
                    int end = digits(j, 2, 16);
                    if (end == j) {
                        s.append('x');
                    } else {
                        s.append((char) Integer.parseInt(sql.substring(j, end), 16));
                        j = end;
                    }
                }
                default -> {
                    int end = e >= '0' && e <= '7' ? digits(j - 1, 3, 8) : j - 1;
                    if (end == j - 1) {
                        s.append(e);
                    } else {
                        s.append((char) Integer.parseInt(sql.substring(j - 1, end), 8));
                        j = end;
                    }
                }
            }
        }
        i = j + 1;
        return s.toString();
    }

    /** End of up to {@code max} digits of {@code radix} from {@code from}. */
    private int digits(int from, int max, int radix) {
        int j = from;
        while (j < n && j - from < max && Character.digit(sql.charAt(j), radix) >= 0) {
            j++;
        }
        return j;
    }

    /** The {@code $tag$} opening a dollar-quoted string at i ({@code $$} has an empty tag), or null. */
    private String dollarTag() {
        int j = i + 1;
        if (j < n && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
            while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
        }
        return j < n && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }

    private String dollarString(String tag) {
        int from = i + tag.length();
        int end = sql.indexOf(tag, from);
        if (end < 0) {
            throw new SqlSyntaxException("unterminated dollar-quoted string");
        }
        i = end + tag.length();
        return sql.substring(from, end);
    }
}
