package com.capidemo.custom.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.ChatQuotaExhaustedException;
import com.capidemo.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Readiness' share of the chat quota, on a test clock: waiting moves the clock, nothing sleeps. */
class ReadinessPacerTest {

    private final MutableClock clock = MutableClock.at("2026-06-01T10:00:00Z");

    @Test
    void theShareIsTheQuotaTimesTheShareDividedHonestlyAmongTheInstances() {
        assertThat(ReadinessPacer.perMinute(30, 0.5, 1)).isEqualTo(15);
        assertThat(ReadinessPacer.perMinute(30, 0.5, 2))
                .as("rounded down, never above the share")
                .isEqualTo(7);
        assertThat(ReadinessPacer.perMinute(30, 0.5, 100)).as("at least one").isEqualTo(1);
        assertThatThrownBy(() -> ReadinessPacer.perMinute(30, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadinessPacer.perMinute(30, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadinessPacer.perMinute(30, 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestBeyondTheShareIsDeniedWithTheWaitUntilTheNextPermit() {
        ReadinessPacer pacer = new ReadinessPacer(true, 15, Duration.ZERO, clock, d -> {
            throw new AssertionError("a pacer without a wait never waits");
        });

        pacer.acquire();
        assertThatThrownBy(pacer::acquire)
                .isInstanceOfSatisfying(
                        ChatQuotaExhaustedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(4)));
        clock.advance(Duration.ofSeconds(4));
        pacer.acquire();
    }

    @Test
    void withinItsWaitAQuestionWaitsForItsPermitAndAMinuteNeverGrantsMoreThanTheShare() {
        ReadinessPacer pacer = new ReadinessPacer(true, 15, Duration.ofMinutes(5), clock, clock::advance);
        Instant start = clock.instant();
        int granted = 0;
        while (true) {
            pacer.acquire();
            if (!clock.instant().isBefore(start.plus(Duration.ofMinutes(1)))) {
                break;
            }
            granted++;
        }
        assertThat(granted).isEqualTo(15);
    }

    @Test
    void aWaitLongerThanThePermitWaitIsNotWaitedButDenied() {
        ReadinessPacer pacer = new ReadinessPacer(true, 1, Duration.ofSeconds(30), clock, clock::advance);
        pacer.acquire();
        Instant before = clock.instant();

        assertThatThrownBy(pacer::acquire).isInstanceOf(ChatQuotaExhaustedException.class);
        assertThat(clock.instant())
                .as("the task is answered at once, not after a wait")
                .isEqualTo(before);
    }

    @Test
    void withTheLocalAgentNothingIsPaced() {
        ReadinessPacer pacer = new ReadinessPacer(false, 1, Duration.ZERO, clock, d -> {
            throw new AssertionError("never waits");
        });
        for (int i = 0; i < 100; i++) {
            pacer.acquire();
        }
    }
}
