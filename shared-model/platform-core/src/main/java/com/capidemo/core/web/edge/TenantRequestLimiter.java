package com.capidemo.core.web.edge;

import com.capidemo.core.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * The overall request rate of one tenant (platform.edge.tenant-requests.limit per window, divided among
 * platform.edge.instances; 0 = no limit): 429 beyond.
 */
@ApplicationScoped
public class TenantRequestLimiter {

    private final Optional<RateLimits> windows;

    public TenantRequestLimiter(EdgeConfig config, Clock clock) {
        EdgeConfig.TenantRequests limits = config.tenantRequests();
        this.windows = limits.limit() > 0
                ? Optional.of(new RateLimits(
                        RateLimits.perInstance(limits.limit(), config.instances()), limits.window(), clock))
                : Optional.empty();
    }

    /** Counts one request of the tenant; @throws ApiProblem 429 with Retry-After when it is over its rate */
    public void acquire(String tenantId) {
        long wait = windows.map(w -> w.take(tenantId)).orElse(0L);
        if (wait > 0) {
            throw ApiProblem.tooManyRequests(
                    "tenant '" + tenantId + "' is over its request rate; retry later", (wait + 999) / 1000);
        }
    }
}
