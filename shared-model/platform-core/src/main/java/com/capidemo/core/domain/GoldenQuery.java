package com.capidemo.core.domain;

/** A question a demo's agent must answer, with the SQL that answers it. */
public record GoldenQuery(String question, String sql, String complexity, String expectedResultType) {}
