package com.capidemo.api.security;

import com.capidemo.shared.domain.ApiKey;
import com.capidemo.shared.domain.Caller;
import com.capidemo.shared.port.TenantStore;
import com.capidemo.shared.web.ApiProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every /api route needs X-API-Key except onboarding and setup (admin token) and shared links (token in path).
 * The key is looked up by its SHA-256; unknown and revoked keys are both 401.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";

    private final TenantStore tenants;
    private final CallerContext context;

    public ApiKeyFilter(TenantStore tenants, CallerContext context) {
        this.tenants = tenants;
        this.context = context;
    }

    @ServerRequestFilter
    public Optional<jakarta.ws.rs.core.Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || path.startsWith("/api/shared/") || path.equals("/api/v1/customers/onboard")
                || path.equals("/api/setup")) {
            return Optional.empty();
        }
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isBlank()) {
            throw ApiProblem.unauthorized("missing " + HEADER + " header");
        }
        ApiKey stored = tenants.findKeyByHash(ApiKeys.hash(key.trim()))
                .filter(k -> !k.revoked())
                .orElseThrow(() -> ApiProblem.unauthorized("unknown or revoked API key"));
        context.set(new Caller(stored.tenantId(), stored.userEmail(), stored.role()));
        return Optional.empty();
    }
}
