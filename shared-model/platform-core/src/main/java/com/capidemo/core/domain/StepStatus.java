package com.capidemo.core.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A pipeline step's checkpoint: running while it works, then completed (never run again) or failed. */
public enum StepStatus {
    RUNNING,
    COMPLETED,
    FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StepStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
