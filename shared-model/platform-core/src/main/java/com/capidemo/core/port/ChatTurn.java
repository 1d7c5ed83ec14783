package com.capidemo.core.port;

/**
 * One earlier turn of a conversation as the agent needs it: the question, what it answered, the SQL, the outcome
 * (golden, planned or declined) and the agent's own state for refining that answer in a follow-up.
 */
public record ChatTurn(String question, String answer, String sql, String outcome, String state) {}
