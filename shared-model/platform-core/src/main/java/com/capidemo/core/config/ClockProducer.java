package com.capidemo.core.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The time every rule reads (expiry, archival after 90/180 days, rate limits, leases): the system clock in UTC. A
 * test replaces it by producing its own {@link Clock} bean (this one is a {@link DefaultBean}), never by sleeping.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
