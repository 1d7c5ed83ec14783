package com.capidemo.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The job state machine: queued → running → completed | failed. A running job may be re-claimed
 * (running → running) only by the store when its lease has expired; no other transition exists.
 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED;

    /** States a job may move to from this one. */
    public Set<JobStatus> successors() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, FAILED);
            case RUNNING -> EnumSet.of(RUNNING, COMPLETED, FAILED);
            case COMPLETED, FAILED -> EnumSet.noneOf(JobStatus.class);
        };
    }

    /** States from which a job may move to {@code target}; stores use this for conditional writes. */
    public static Set<JobStatus> predecessorsOf(JobStatus target) {
        Set<JobStatus> from = EnumSet.noneOf(JobStatus.class);
        for (JobStatus s : values()) {
            if (s.successors().contains(target)) {
                from.add(s);
            }
        }
        return from;
    }

    public boolean canMoveTo(JobStatus target) {
        return successors().contains(target);
    }

    /** Throws {@link IllegalTransitionException} unless this → target is allowed. */
    public JobStatus moveTo(JobStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
        return target;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
