package com.capidemo.lifecycle.rest;

import com.capidemo.shared.web.AdminToken;
import com.capidemo.shared.web.SharedSecretWorkerAuthenticator;
import com.capidemo.shared.web.WorkerAuthenticator;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who may start a lifecycle job (every /api/admin route): the scheduler, verified by the service's
 * {@link WorkerAuthenticator} — in gcp mode a Google-signed OIDC token for this service's audience from the
 * scheduler's service account, locally the dispatchers' shared secret — or an operator with the admin token
 * (X-Admin-Token). Anything else is 401 before a resource runs.
 */
public class AdminAuthFilter {

    static final String PREFIX = "/api/admin";

    private final WorkerAuthenticator scheduler;
    private final AdminToken adminToken;

    public AdminAuthFilter(WorkerAuthenticator scheduler, AdminToken adminToken) {
        this.scheduler = scheduler;
        this.adminToken = adminToken;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return;
        }
        String operator = request.getHeaderString(AdminToken.HEADER);
        if (operator != null) {
            adminToken.verify(operator);
            return;
        }
        scheduler.verify(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString(SharedSecretWorkerAuthenticator.HEADER));
    }
}
