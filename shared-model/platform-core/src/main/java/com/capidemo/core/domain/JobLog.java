package com.capidemo.core.domain;

import java.time.Instant;

/** One timestamped line of a job's progress log. */
public record JobLog(Instant ts, String level, String message) {
    public static JobLog info(Instant ts, String message) {
        return new JobLog(ts, "INFO", message);
    }
}
