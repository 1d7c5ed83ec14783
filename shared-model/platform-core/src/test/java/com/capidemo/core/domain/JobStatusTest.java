package com.capidemo.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JobStatusTest {

    private static final Set<String> ALLOWED =
            Set.of("QUEUED->RUNNING", "QUEUED->FAILED", "RUNNING->RUNNING", "RUNNING->COMPLETED", "RUNNING->FAILED");

    @Test
    void onlyTheDocumentedTransitionsAreAllowed() {
        for (JobStatus from : JobStatus.values()) {
            for (JobStatus to : JobStatus.values()) {
                boolean allowed = ALLOWED.contains(from + "->" + to);
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed);
                if (allowed) {
                    assertThat(from.moveTo(to)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to))
                            .as(from + " -> " + to)
                            .isInstanceOf(IllegalTransitionException.class)
                            .hasMessageContaining(from.wire())
                            .hasMessageContaining(to.wire());
                }
            }
        }
    }

    @Test
    void finishedJobsCannotMoveAnywhere() {
        assertThat(JobStatus.COMPLETED.successors()).isEmpty();
        assertThat(JobStatus.FAILED.successors()).isEmpty();
        assertThat(JobStatus.COMPLETED.isTerminal()).isTrue();
        assertThat(JobStatus.RUNNING.isTerminal()).isFalse();
    }

    @Test
    void predecessorsAreDerivedFromTheSameTable() {
        assertThat(JobStatus.predecessorsOf(JobStatus.COMPLETED)).containsExactly(JobStatus.RUNNING);
        assertThat(JobStatus.predecessorsOf(JobStatus.FAILED))
                .containsExactlyInAnyOrder(JobStatus.QUEUED, JobStatus.RUNNING);
        assertThat(JobStatus.predecessorsOf(JobStatus.QUEUED)).isEmpty();
    }

    @Test
    void wireNamesAreLowercase() {
        assertThat(JobStatus.fromWire("completed")).isEqualTo(JobStatus.COMPLETED);
        assertThat(JobStatus.RUNNING.wire()).isEqualTo("running");
    }
}
