package com.capidemo.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum JobType {
    QUICK,
    CUSTOM,
    CLONE,
    PIPELINE,
    /** Scores a ready demo's agent on its golden questions (delivered through the custom-job queue). */
    READINESS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
