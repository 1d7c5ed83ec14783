package com.capidemo.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One question and the agent's answer within a conversation. {@code turn} counts from 1; {@code state} is the agent's
 * own note for refining this answer in a follow-up (not shown to users).
 */
public record ConversationTurn(
        String conversationId,
        int turn,
        String question,
        String answer,
        String sql,
        List<String> columns,
        List<List<Object>> rows,
        boolean truncated,
        Map<String, Object> chart,
        List<String> followUpQuestions,
        String outcome,
        String state,
        Instant createdAt) {

    public ConversationTurn {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows;
        followUpQuestions = followUpQuestions == null ? List.of() : List.copyOf(followUpQuestions);
    }
}
