package com.capidemo.core.port;

import java.util.List;
import java.util.Map;

/**
 * An agent's answer: text, the SQL it ran (null when it declined), the rows (capped, {@code truncated} when more
 * existed), a Vega-Lite v5 chart spec with the data inline (null for single values and declines), follow-up
 * questions, the outcome and opaque state the agent reads back from the conversation history.
 */
public record ChatAnswer(
        String answer,
        String sql,
        List<String> columns,
        List<List<Object>> rows,
        boolean truncated,
        Map<String, Object> chart,
        List<String> followUpQuestions,
        String outcome,
        String state) {

    /** The most rows an answer carries (more are cut and {@code truncated} set), whichever agent answered. */
    public static final int MAX_ROWS = 100;

    /** Answered with a golden query's curated SQL. */
    public static final String GOLDEN = "golden";
    /** Answered with SQL the agent planned from the schema. */
    public static final String PLANNED = "planned";
    /** Not answered: the agent said why and suggested questions it can answer. */
    public static final String DECLINED = "declined";

    public ChatAnswer {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows;
        followUpQuestions = followUpQuestions == null ? List.of() : List.copyOf(followUpQuestions);
    }

    public boolean answered() {
        return !DECLINED.equals(outcome);
    }
}
