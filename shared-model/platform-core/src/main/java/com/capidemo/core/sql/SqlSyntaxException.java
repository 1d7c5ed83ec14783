package com.capidemo.core.sql;

/** SQL that cannot be split into tokens safely: an unterminated comment, string literal or quoted identifier. */
public final class SqlSyntaxException extends RuntimeException {

    public SqlSyntaxException(String message) {
        super(message);
    }
}
