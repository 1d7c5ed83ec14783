package com.capidemo.core.domain;

/** One data-quality check of a pipeline step (a row of the tenant's dq_results table). */
public record DqResult(
        String tableName,
        String checkName,
        String checkType,
        String status,
        String observedValue,
        String expectedValue,
        String checkedAt) {

    public boolean passed() {
        return "PASSED".equals(status);
    }
}
