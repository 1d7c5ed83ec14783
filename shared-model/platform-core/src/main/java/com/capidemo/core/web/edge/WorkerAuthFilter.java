package com.capidemo.core.web.edge;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.web.AdminToken;
import com.capidemo.core.web.SharedSecretWorkerAuthenticator;
import com.capidemo.core.web.WorkerAuthenticator;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Worker authentication, once for every worker endpoint: on the paths a service lists in platform.edge.worker-paths
 * (/pubsub/ on quick-provisioner, /tasks/ on custom-provisioner, /api/admin/ on lifecycle-service) a request must
 * carry the worker credential checked by the configured {@link WorkerAuthenticator} (Google-signed OIDC token or the
 * shared secret), or the admin token for a person calling an admin endpoint by hand. Failures are throttled. Against
 * the emulators only, the shared secret may also come in the query parameter named by
 * platform.worker.secret-query-parameter (the Pub/Sub emulator's push subscriptions cannot add a header).
 */
public class WorkerAuthFilter {

    private final WorkerAuthenticator authenticator;
    private final AdminToken adminToken;
    private final AuthFailureLimiter limiter;
    private final EdgeConfig config;
    private final Optional<String> secretQueryParameter;

    public WorkerAuthFilter(
            WorkerAuthenticator authenticator,
            AdminToken adminToken,
            AuthFailureLimiter limiter,
            EdgeConfig config,
            PlatformConfig platform) {
        this.authenticator = authenticator;
        this.adminToken = adminToken;
        this.limiter = limiter;
        this.config = config;
        this.secretQueryParameter = platform.worker().secretQueryParameter().filter(p -> !p.isBlank());
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, HttpServerRequest http) {
        if (!PathRules.matches(config.workerPaths(), request.getUriInfo().getPath())) {
            return;
        }
        String client = ClientAddress.of(http);
        String admin = request.getHeaderString(AdminToken.HEADER);
        if (admin != null) {
            limiter.verify("admin-token", client, admin, () -> adminToken.verify(admin));
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String secret = request.getHeaderString(SharedSecretWorkerAuthenticator.HEADER);
        if (secret == null && secretQueryParameter.isPresent()) {
            // Emulator only (checked at start): the Pub/Sub emulator's push cannot send a header.
            secret = request.getUriInfo().getQueryParameters().getFirst(secretQueryParameter.get());
        }
        String presented = secret;
        // Only a shared secret is counted by prefix: every Google-signed token starts alike, and counting them by
        // prefix would let anyone who sends bad tokens block the real pushes.
        limiter.verify(
                "worker",
                client,
                presented,
                authorization != null || presented != null,
                () -> authenticator.verify(authorization, presented));
    }
}
