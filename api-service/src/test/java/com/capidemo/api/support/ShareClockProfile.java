package com.capidemo.api.support;

import com.capidemo.core.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Set;

/** The api-service on a {@link MutableClock} that tests move by hand (share expiry, password rate limits, the dashboard's month). */
public class ShareClockProfile implements QuarkusTestProfile {

    public static final MutableClock CLOCK = MutableClock.at("2026-12-01T10:00:00Z");

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(Clocks.class);
    }

    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class Clocks {

        @Produces
        @Singleton
        Clock clock() {
            return CLOCK;
        }
    }
}
