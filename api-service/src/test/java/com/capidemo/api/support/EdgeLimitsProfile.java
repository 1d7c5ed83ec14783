package com.capidemo.api.support;

import com.capidemo.core.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The edge as in prod (operations endpoints behind the admin token, Swagger UI off) with the real throttling limits
 * (10 failed checks a minute, a tenant rate of 20 a minute) on a clock the tests move by hand.
 */
public class EdgeLimitsProfile implements QuarkusTestProfile {

    public static final MutableClock CLOCK = MutableClock.at("2026-06-01T00:00:00Z");
    public static final int TENANT_LIMIT = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "platform.edge.ops-protected",
                "true",
                "quarkus.swagger-ui.enabled",
                "false",
                "platform.edge.auth-failures.per-client",
                "10",
                "platform.edge.auth-failures.per-prefix",
                "10",
                "platform.edge.tenant-requests.limit",
                String.valueOf(TENANT_LIMIT));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class TestClock {
        @Produces
        @Singleton
        Clock clock() {
            return CLOCK;
        }
    }
}
