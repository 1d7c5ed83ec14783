package com.capidemo.lifecycle.support;

import com.capidemo.core.testing.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** The service's clock in @QuarkusTests: one {@link MutableClock} the tests move (it replaces the system clock). */
@Singleton
public class TestClock {

    public static final Instant START = Instant.parse("2031-01-10T02:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(START);

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
