package com.capidemo.core.web.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP edge of every service: request limits, which paths need which credential, rate limits and response
 * headers. Defaults live here; each service names its own worker and admin paths in its application.properties.
 */
@ConfigMapping(prefix = "platform.edge")
public interface EdgeConfig {

    /** Longest request URI (path and query) answered; longer is 414. */
    @WithDefault("4096")
    int maxUriLength();

    /** Most bytes of request headers (names and values) answered; more is 431. */
    @WithDefault("16384")
    int maxHeaderBytes();

    /** Longest path segment (an id, a token, a template name); longer is 400. */
    @WithDefault("128")
    int maxPathSegment();

    /**
     * Path prefixes that only our queues and schedulers may call (push, task and admin targets): the worker
     * credential (OIDC token or shared secret) or the admin token is required, checked by {@code WorkerAuthFilter}.
     */
    Optional<List<String>> workerPaths();

    /** Paths that need the admin bootstrap token in X-Admin-Token (exact paths or prefixes ending in '/'). */
    Optional<List<String>> adminTokenPaths();

    /**
     * When true (the prod profile), everything under the non-application root /q/ needs the admin token, whatever the
     * spelling of the path (repeated slashes, percent-encoding, a format suffix such as /q/openapi.json); only the
     * health checks under /q/health stay open.
     */
    @WithDefault("false")
    boolean opsProtected();

    /** Content-Security-Policy of every answer (the Web UI's, which also suits JSON). */
    @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    String contentSecurityPolicy();

    /**
     * The most instances of this service that run at once (in gcp mode the Cloud Run service's max instance count).
     * Rate limits are kept per instance, so each instance allows limit / instances (at least 1): together they allow
     * at most the configured limit (or, for a limit below the instance count, one per instance).
     */
    @WithDefault("1")
    int instances();

    AuthFailures authFailures();

    TenantRequests tenantRequests();

    /** Failed authentications (API key, admin token, worker credential) allowed before 429. */
    interface AuthFailures {
        /** Per client address within {@link #window()}. */
        @WithDefault("10")
        int perClient();

        /** Per tenant named by a wrong API key (its part before _api_) within {@link #window()}. */
        @WithDefault("10")
        int perPrefix();

        @WithDefault("1m")
        Duration window();
    }

    /**
     * Requests per tenant (after its API key is accepted); 0 turns the limit off. The default is a ceiling against
     * abuse (a UI or a client polling a job every few milliseconds stays below it), not a quota.
     */
    interface TenantRequests {
        @WithDefault("6000")
        int limit();

        @WithDefault("1m")
        Duration window();
    }
}
