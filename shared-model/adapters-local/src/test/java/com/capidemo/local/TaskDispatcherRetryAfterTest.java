package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After as a worker's pacing refusal sends it: delay-seconds or an HTTP date, never less than a second. */
class TaskDispatcherRetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void delaySecondsAndHttpDatesAreBothUnderstood() {
        assertThat(TaskDispatcher.retryAfter("60", NOW)).hasValue(Duration.ofSeconds(60));
        assertThat(TaskDispatcher.retryAfter("Mon, 01 Jun 2026 10:02:00 GMT", NOW))
                .hasValue(Duration.ofMinutes(2));
    }

    @Test
    void aZeroOrPastWaitIsOneSecondAndGarbageIsNoRefusal() {
        assertThat(TaskDispatcher.retryAfter("0", NOW)).hasValue(TaskDispatcher.MIN_DEFERRAL);
        assertThat(TaskDispatcher.retryAfter("Mon, 01 Jun 2026 09:00:00 GMT", NOW))
                .hasValue(TaskDispatcher.MIN_DEFERRAL);
        assertThat(TaskDispatcher.retryAfter("soon", NOW)).isEmpty();
        assertThat(TaskDispatcher.retryAfter("-5", NOW)).isEmpty();
    }
}
