package com.capidemo.chat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Which support case category takes the longest to resolve on average?", "which carrier is the fastest to deliver":
 * a superlative of time said of a verb is a ranking by the average time to that verb, asked as "which support case
 * category has the highest average time to resolve"; the duration itself is then found the usual way (a column that
 * holds it, or the two dates of the records it runs between). Only a time between two dates of the same records, the
 * later one named by the verb, answers it; otherwise the question is planned as asked.
 */
final class TakesLongest {

    private static final Pattern TAKES = Pattern.compile(
            "(?i)\\b(?:(?:takes?|took|taking)\\s+(?:the\\s+)?(longest|shortest|most\\s+time|least\\s+time)"
                    + "(?:\\s+time)?|(?:is|are|was|were)\\s+(?:the\\s+)?(slowest|fastest|quickest))"
                    + "\\s+to\\s+([a-z]+)\\b");

    private static final Pattern ON_AVERAGE = Pattern.compile("(?i),?\\s*\\bon\\s+average\\b,?");

    private TakesLongest() {}

    /** The verb the time is taken to ("resolve"), or null when the question says no such superlative. */
    static String verb(String question) {
        Matcher m = TAKES.matcher(question);
        return m.find() ? m.group(3).toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Whether a plan of the rewritten question answers it: one average or median time between two dates of the same
     * records, the later one named by the verb (resolved_at for "resolve"); anything else (an average of some amount,
     * a time from a parent's date) is not the time the verb takes.
     */
    static boolean fits(Planner.Planned p, String verb, Schema schema) {
        Plan.Measure m = p.plan().measure();
        return p.later() == null
                && p.measures().size() == 1
                && m.duration()
                && m.table().equals(m.startTable())
                && SemanticModel.columnWords(schema.column(m.table(), m.column()))
                        .contains(Words.stem(verb));
    }

    /** The question asked as a ranking by the average time to the verb, or the question unchanged. */
    static String rewrite(String question) {
        Matcher m = TAKES.matcher(question);
        if (!m.find()) {
            return question;
        }
        String word = (m.group(1) != null ? m.group(1) : m.group(2))
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
        boolean longest = word.equals("longest") || word.equals("most time") || word.equals("slowest");
        String ranked = question.substring(0, m.start())
                + "has the " + (longest ? "highest" : "lowest") + " average time to " + m.group(3)
                + question.substring(m.end());
        return ON_AVERAGE.matcher(ranked).replaceAll("");
    }
}
