package com.capidemo.core.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

    @Test
    void concurrentTakersNeverGetMoreTokensThanTheLimit() throws Exception {
        RateLimits limits = new RateLimits(5, Duration.ofMinutes(1), clock);
        AtomicInteger taken = new AtomicInteger();
        ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        for (int i = 0; i < 200; i++) {
            pool.submit(() -> {
                start.await();
                long wait = limits.take("link");
                if (wait == 0) {
                    taken.incrementAndGet();
                } else {
                    waits.add(wait);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(taken.get()).isEqualTo(5);
        assertThat(waits).hasSize(195).allSatisfy(w -> assertThat(w).isBetween(1L, 12_000L));
    }

    @Test
    void tokensComeBackEvenlyOverTheWindowByTheClock() {
        RateLimits limits = new RateLimits(5, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.take("k")).isZero();
        }
        assertThat(limits.take("k")).isPositive();
        assertThat(limits.waitFor("k")).isPositive();
        clock.advance(Duration.ofSeconds(12));
        assertThat(limits.waitFor("k")).isZero();
        assertThat(limits.take("k")).isZero();
        assertThat(limits.take("k")).isPositive();
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertThat(limits.take("k")).isZero();
        }
        assertThat(limits.take("k")).isPositive();
        assertThat(limits.take("other")).as("keys are apart").isZero();
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButNeverAboveTheLimit() {
        RateLimits limits = new RateLimits(2, Duration.ofMinutes(1), clock);
        assertThat(limits.take("k")).isZero();
        assertThat(limits.take("k")).isZero();
        limits.giveBack("k");
        assertThat(limits.take("k")).isZero();
        assertThat(limits.take("k")).isPositive();
        limits.giveBack("k");
        limits.giveBack("k");
        limits.giveBack("k");
        assertThat(limits.take("k")).isZero();
        assertThat(limits.take("k")).isZero();
        assertThat(limits.take("k")).isPositive();
    }
}
