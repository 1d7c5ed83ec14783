package com.capidemo.api.security;

import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.port.TenantStore;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.core.web.edge.AuthFailureLimiter;
import com.capidemo.core.web.edge.ClientAddress;
import com.capidemo.core.web.edge.EdgeConfig;
import com.capidemo.core.web.edge.PathRules;
import com.capidemo.core.web.edge.TenantRequestLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every /api route needs X-API-Key except the admin-token paths (onboarding and setup) and shared links (token in
 * path). The key is looked up by its SHA-256; unknown and revoked keys are both 401, and guessing is throttled per
 * client and per key prefix (429); an accepted key counts against its tenant's request rate.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";

    private final TenantStore tenants;
    private final CallerContext context;
    private final AuthFailureLimiter failures;
    private final TenantRequestLimiter rates;
    private final EdgeConfig edge;

    public ApiKeyFilter(
            TenantStore tenants,
            CallerContext context,
            AuthFailureLimiter failures,
            TenantRequestLimiter rates,
            EdgeConfig edge) {
        this.tenants = tenants;
        this.context = context;
        this.failures = failures;
        this.rates = rates;
        this.edge = edge;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")
                || path.startsWith("/api/shared/")
                || PathRules.matches(edge.adminTokenPaths(), path)) {
            return;
        }
        String key = request.getHeaderString(HEADER);
        AtomicReference<ApiKey> found = new AtomicReference<>();
        failures.verify("api-key", ClientAddress.of(http), key, () -> {
            if (key == null || key.isBlank()) {
                throw ApiProblem.unauthorized("missing " + HEADER + " header");
            }
            found.set(tenants.findKeyByHash(ApiKeys.hash(key.trim()))
                    .filter(k -> !k.revoked())
                    .orElseThrow(() -> ApiProblem.unauthorized("unknown or revoked API key")));
        });
        ApiKey stored = found.get();
        rates.acquire(stored.tenantId());
        context.set(new Caller(stored.tenantId(), stored.userEmail(), stored.role()));
    }
}
