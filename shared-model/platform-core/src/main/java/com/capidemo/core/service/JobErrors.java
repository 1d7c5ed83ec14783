package com.capidemo.core.service;

import java.util.regex.Pattern;

/**
 * The error text a user sees on a failed job, step or log line: the first line of the failure's message, without
 * generated SQL (engines quote the statement after "LINE n:" or repeat it whole), without Java class names and at
 * most {@value #MAX} characters. The full exception goes to the service log, never to the job.
 */
public final class JobErrors {

    static final int MAX = 500;
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Throwable)?\\b:?\\s*");
    private static final Pattern SQL = Pattern.compile(
            "(?is)\\b(?:SELECT|WITH|CREATE|INSERT|UPDATE|DELETE|COPY|MERGE)\\s+.*?\\b(?:FROM|TABLE|INTO|AS|SET|TO)\\b.*");
    private static final Pattern LINE_MARK = Pattern.compile("(?s)\\s*LINE \\d+:.*");

    private JobErrors() {}

    public static String describe(Throwable failure) {
        String message = failure == null ? null : failure.getMessage();
        if (message == null || message.isBlank()) {
            return "unexpected error";
        }
        return describe(message);
    }

    public static String describe(String message) {
        String text = LINE_MARK.matcher(message).replaceAll("");
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline);
        }
        text = CLASS_NAME.matcher(text).replaceAll("");
        text = SQL.matcher(text).replaceAll("(generated SQL omitted)");
        text = text.replaceAll("\\p{Cntrl}", " ").strip();
        if (text.isEmpty()) {
            return "unexpected error";
        }
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }
}
