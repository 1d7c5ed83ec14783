package com.capidemo.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.sql.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tokens DuckDB would see, checked against what DuckDB 2.0 answers for the same text. */
class SqlLexerTest {

    private static List<String> kindsAndTexts(String sql) {
        return SqlLexer.tokens(sql).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void splitsWordsNumbersSymbolsAndDropsTriviaFromTheTokens() {
        assertThat(kindsAndTexts("SELECT a.b_1, x$y, 1_000, .5, 1e3 FROM t WHERE c::INT >= 2 -- done"))
                .containsExactly(
                        "WORD:SELECT",
                        "WORD:a",
                        "SYMBOL:.",
                        "WORD:b_1",
                        "SYMBOL:,",
                        "WORD:x$y",
                        "SYMBOL:,",
                        "NUMBER:1_000",
                        "SYMBOL:,",
                        "NUMBER:.5",
                        "SYMBOL:,",
                        "NUMBER:1e3",
                        "WORD:FROM",
                        "WORD:t",
                        "WORD:WHERE",
                        "WORD:c",
                        "SYMBOL:::",
                        "WORD:INT",
                        "SYMBOL:>=",
                        "NUMBER:2");
        assertThat(kindsAndTexts("a<>b != c || d -> e => f := g ** h // i << j >> k"))
                .filteredOn(s -> s.startsWith("SYMBOL"))
                .containsExactly(
                        "SYMBOL:<>",
                        "SYMBOL:!=",
                        "SYMBOL:||",
                        "SYMBOL:->",
                        "SYMBOL:=>",
                        "SYMBOL::=",
                        "SYMBOL:**",
                        "SYMBOL://",
                        "SYMBOL:<<",
                        "SYMBOL:>>");
    }

    @Test
    void stringsAndQuotedIdentifiersAreUnquotedWithDoubledQuotesAsOne() {
        assertThat(kindsAndTexts("SELECT 'it''s', 'a\\', \"Order \"\"Id\"\"\", `x``y`"))
                .containsExactly(
                        "WORD:SELECT",
                        "STRING:it's",
                        "SYMBOL:,",
                        "STRING:a\\",
                        "SYMBOL:,",
                        "QUOTED:Order \"Id\"",
                        "SYMBOL:,",
                        "QUOTED:x`y");
    }

    @Test
    void escapeStringsUndoBackslashEscapesAsDuckDbDoes() {
        // DuckDB 2.0: E'a\'b' = a'b, e'a\nb' has a newline, E'\x41\101\u0042' = AAu0042, E'\z' = z, E'a''b' = a'b
        assertThat(SqlLexer.tokens("SELECT E'a\\'b'").get(1).text()).isEqualTo("a'b");
        assertThat(SqlLexer.tokens("SELECT e'a\\nb\\t'").get(1).text()).isEqualTo("a\nb\t");
        assertThat(SqlLexer.tokens("SELECT E'\\x41\\101\\u0042'").get(1).text()).isEqualTo("AAu0042");
        assertThat(SqlLexer.tokens("SELECT E'\\z\\\\'").get(1).text()).isEqualTo("z\\");
        assertThat(SqlLexer.tokens("SELECT E'a''b'").get(1)).satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Kind.STRING);
            assertThat(t.text()).isEqualTo("a'b");
            assertThat(t.source()).isEqualTo("E'a''b'");
        });
        // a word ending in E before a string is no escape string
        assertThat(kindsAndTexts("CASE WHEN x THEN 'a' ELSE'b' END")).contains("WORD:ELSE", "STRING:b");
    }

    @Test
    void dollarQuotedStringsRunToTheSameTag() {
        assertThat(kindsAndTexts("SELECT $$a'b$$, $tag$a$$b$tag$, $1"))
                .containsExactly(
                        "WORD:SELECT", "STRING:a'b", "SYMBOL:,", "STRING:a$$b", "SYMBOL:,", "SYMBOL:$", "NUMBER:1");
        assertThat(kindsAndTexts("SELECT * FROM orders WHERE x = $$ ' $$; DROP TABLE orders"))
                .contains("STRING: ' ", "SYMBOL:;", "WORD:DROP");
    }

    @Test
    void blockCommentsNestAsInDuckDb() {
        assertThat(kindsAndTexts("SELECT 1 /* a /* b */ c */ AS v"))
                .containsExactly("WORD:SELECT", "NUMBER:1", "WORD:AS", "WORD:v");
        // DuckDB skips all of the nested comment, so the read_text call after it is code, not a string
        assertThat(kindsAndTexts("SELECT 1 /* /* */ ' */, * FROM read_text('/etc/passwd') --'"))
                .contains("WORD:read_text", "STRING:/etc/passwd");
    }

    @Test
    void leadAndTrailingTriviaGiveTheTextBackByteForByte() {
        String sql = "  -- top\nSELECT /* c */ a ,\n\t'x' AS \"y\"  FROM t ; /* end */ \n";
        SqlLexer.Lexed lexed = SqlLexer.lex(sql);
        StringBuilder back = new StringBuilder();
        lexed.tokens().forEach(t -> back.append(t.lead()).append(t.source()));
        assertThat(back.append(lexed.trailing())).hasToString(sql);
        assertThat(lexed.tokens().get(0).lead()).isEqualTo("  -- top\n");
        assertThat(lexed.trailing()).isEqualTo(" /* end */ \n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT 'open",
                "SELECT \"open",
                "SELECT `open",
                "SELECT 1 /* open",
                "SELECT /* a /* b */",
                "SELECT E'open\\'",
                "SELECT $$open",
                "SELECT $t$open$$"
            })
    void unterminatedLiteralsAndCommentsAreRefused(String sql) {
        assertThatThrownBy(() -> SqlLexer.tokens(sql))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageStartingWith("unterminated");
    }

    @Test
    void tokensCompareByKindAndValueNotByPlace() {
        List<SqlToken> a = SqlLexer.tokens("sum( x )");
        List<SqlToken> b = SqlLexer.tokens("\n  sum(x)");
        assertThat(a).isNotEqualTo(b);
        assertThat(SqlTokens.sameText(a, b)).isTrue();
        assertThat(SqlTokens.sameText(a, SqlLexer.tokens("sum(\"x\")"))).isFalse();
        assertThat(a.get(0).identifier()).isEqualTo("sum");
        assertThat(SqlLexer.tokens("\"Sum\"").get(0).identifier()).isEqualTo("Sum");
    }
}
