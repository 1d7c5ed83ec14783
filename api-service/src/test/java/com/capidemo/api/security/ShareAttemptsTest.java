package com.capidemo.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShareAttemptsTest {

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final ShareAttempts attempts = new ShareAttempts(clock);

    @Test
    void fiveWrongPasswordsInAMinuteLockTheLinkUntilTheOldestIsAMinuteOld() {
        for (int i = 0; i < ShareAttempts.MAX_WRONG; i++) {
            assertThat(attempts.retryAfter("link")).as("attempt %d", i + 1).isEmpty();
            attempts.wrongPassword("link");
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(attempts.retryAfter("link")).contains(Duration.ofSeconds(10));
        assertThat(attempts.retryAfter("other")).as("per link").isEmpty();
        clock.advance(Duration.ofSeconds(9));
        assertThat(attempts.retryAfter("link")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempts.retryAfter("link")).as("the first failure left the window").isEmpty();
        attempts.wrongPassword("link");
        assertThat(attempts.retryAfter("link")).contains(Duration.ofSeconds(10));
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteNeverLock() {
        for (int i = 0; i < 20; i++) {
            assertThat(attempts.retryAfter("link")).isEmpty();
            attempts.wrongPassword("link");
            clock.advance(Duration.ofSeconds(13));
        }
    }
}
