package com.capidemo.core.web.edge;

import com.capidemo.core.web.AdminToken;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The admin bootstrap token on the paths a service lists in platform.edge.admin-token-paths (onboarding and setup on
 * api-service): X-Admin-Token is required, and failed tries are throttled per client and prefix.
 */
public class AdminTokenFilter {

    private final AdminToken token;
    private final AuthFailureLimiter limiter;
    private final EdgeConfig config;

    public AdminTokenFilter(AdminToken token, AuthFailureLimiter limiter, EdgeConfig config) {
        this.token = token;
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, HttpServerRequest http) {
        if (!PathRules.matches(config.adminTokenPaths(), request.getUriInfo().getPath())) {
            return;
        }
        String presented = request.getHeaderString(AdminToken.HEADER);
        limiter.verify("admin-token", ClientAddress.of(http), presented, () -> token.verify(presented));
    }
}
