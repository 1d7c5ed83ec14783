package com.capidemo.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokensTest {

    private static List<String> texts(List<List<SqlToken>> parts) {
        return parts.stream()
                .map(p -> String.join(" ", p.stream().map(SqlToken::text).toList()))
                .toList();
    }

    @Test
    void splitsOnlyOutsideParentheses() {
        List<SqlToken> toks = SqlLexer.tokens("a, round(sum(b), 2) AS c, 'x,y'");
        assertThat(texts(SqlTokens.splitTop(toks, ","))).containsExactly("a", "round ( sum ( b ) , 2 ) AS c", "x,y");
        boolean[] top = SqlTokens.topLevel(toks);
        assertThat(top[0]).isTrue();
        assertThat(top[3]).as("the parenthesis itself").isFalse();
        assertThat(top[4]).as("inside").isFalse();
    }

    @Test
    void splittingOnAndKeepsBetweenTogether() {
        List<SqlToken> toks = SqlLexer.tokens("x BETWEEN 1 AND 2 AND (y OR z) AND w = 'a AND b'");
        assertThat(texts(SqlTokens.splitTopWord(toks, "AND")))
                .containsExactly("x BETWEEN 1 AND 2", "( y OR z )", "w = a AND b");
        assertThat(SqlTokens.hasTopLevel(toks, "OR")).isFalse();
        assertThat(SqlTokens.hasTopLevel(SqlLexer.tokens("a OR b"), "OR")).isTrue();
    }

    @Test
    void findsTheMatchingParenthesis() {
        List<SqlToken> toks = SqlLexer.tokens("round(sum(x), 2) + 1");
        assertThat(SqlTokens.closingParen(toks, 1)).isEqualTo(8);
        assertThat(SqlTokens.closingParen(toks, 3)).isEqualTo(5);
        assertThat(SqlTokens.closingParen(SqlLexer.tokens("f(a"), 1)).isEqualTo(-1);
    }
}
