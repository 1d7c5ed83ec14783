package com.capidemo.core.domain;

/** One data-quality check of a pipeline step (seed 003's dq_results row). */
public record DqResult(String tableName, String checkName, String checkType, String status, String observedValue,
                       String expectedValue, String checkedAt) {

    public boolean passed() {
        return "PASSED".equals(status);
    }
}
