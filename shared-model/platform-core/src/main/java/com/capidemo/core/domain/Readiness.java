package com.capidemo.core.domain;

import java.time.Instant;
import java.util.List;

/**
 * How well a demo's data agent answers its own golden questions, measured when the demo became ready: every golden
 * question is asked through the agent and its rows compared with the golden SQL's rows.
 *
 * @param score     percentage of golden questions answered with the golden rows (100 when there are none)
 * @param passed    golden questions answered correctly
 * @param total     golden questions asked
 * @param failed    the questions that were not answered with the golden rows
 * @param checkedAt when the check ran
 */
public record Readiness(double score, int passed, int total, List<String> failed, Instant checkedAt) {

    public Readiness {
        failed = failed == null ? List.of() : List.copyOf(failed);
    }
}
