package com.capidemo.core.web.edge;

import com.capidemo.core.web.AdminToken;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.core.web.HttpProblems;
import com.capidemo.core.web.Problem;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP edge below JAX-RS, for every service: before any route runs, each answer gets the security headers and
 * each request is checked against {@link RequestShape} (and, in prod, every path that resolves to an operations
 * endpoint — {@link OperationsPaths} — against the admin token); a failure of any Vert.x route (a body that outgrew the limit while streaming, a route without a mapper)
 * is answered as problem+json too, so no error leaves a service with an empty body.
 */
@ApplicationScoped
public class EdgeRoutes {

    /** Before Quarkus' body-size check (route order -2) and every other route. */
    static final int PRIORITY = 1_000;
    /**
     * Quarkus checks each URI with java.net.URI before the router and answers a bare 400 to one it refuses, unless the
     * JVM runs with {@code -Dvertx.disableURIValidation=true}; every launcher sets it (./platform, the Docker image,
     * the tests), since {@link RequestShape} makes the same check first and answers problem+json.
     */
    public static final String URI_VALIDATION_SWITCH = "vertx.disableURIValidation";

    private final EdgeConfig config;
    private final RequestShape.Limits limits;
    private final AdminToken adminToken;
    private final AuthFailureLimiter limiter;
    private final BodyHandler chunkedBodies;
    private final OperationsPaths operations;

    public EdgeRoutes(
            EdgeConfig config,
            AdminToken adminToken,
            AuthFailureLimiter limiter,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
                    String nonApplicationRoot) {
        this.config = config;
        this.operations = new OperationsPaths(nonApplicationRoot);
        this.adminToken = adminToken;
        this.limiter = limiter;
        this.limits = new RequestShape.Limits(
                config.maxUriLength(), config.maxHeaderBytes(), config.maxPathSegment(), maxBody.asLongValue());
        // A chunked body announces no length: it is read here, up to the limit, so that one too large fails this
        // route (413 problem+json below) instead of the endpoint's stream answering a bare 413; REST reads it from
        // here.
        this.chunkedBodies =
                BodyHandler.create(false).setBodyLimit(maxBody.asLongValue()).setMergeFormAttributes(false);
    }

    void filters(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    /**
     * Failures of Vert.x routes, and the router's own refusals (a path it cannot decode is 400 before any route, a body
     * that outgrows the limit while streaming is 413): both answered as problem+json.
     */
    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 408, 411, 413, 414, 415, 429, 431, 500, 501, 503}) {
            router.errorHandler(status, this::unhandled);
        }
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path() == null ? "/" : request.path();
        SecurityHeaders.apply(rc.response().headers(), path, config.contentSecurityPolicy());
        Optional<Problem> problem = RequestShape.check(
                new RequestShape.Request(request.method(), request.uri(), path, request.query(), request.headers()),
                limits);
        if (problem.isPresent()) {
            answer(rc, problem.get(), 0);
            return;
        }
        if (config.opsProtected() && operations.isProtected(path)) {
            String presented = request.getHeader(AdminToken.HEADER);
            try {
                limiter.verify("admin-token", ClientAddress.of(request), presented, () -> adminToken.verify(presented));
            } catch (ApiProblem e) {
                answer(
                        rc,
                        Problem.of(e.status(), e.type(), e.title(), e.getMessage(), path, List.of()),
                        e.retryAfterSeconds());
                return;
            }
        }
        if (request.getHeader("Content-Length") == null && request.getHeader("Transfer-Encoding") != null) {
            chunkedBodies.handle(rc);
            return;
        }
        rc.next();
    }

    /** The router's last resort for a status no route answered: must not pass the request on. */
    void unhandled(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        if (rc.response().headWritten()) {
            rc.response().end();
            return;
        }
        answerFailure(rc);
    }

    void failed(RoutingContext rc) {
        if (rc.response().headWritten() || rc.response().ended()) {
            rc.next();
            return;
        }
        answerFailure(rc);
    }

    /** Labels the current request (on its own Vert.x context) with {@link #REJECTED_ROUTE} unless a route did. */
    static void labelRejected() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context != null && context.getLocal(ROUTE_TEMPLATE_KEY) == null) {
            context.putLocal(ROUTE_TEMPLATE_KEY, REJECTED_ROUTE);
        }
    }

    private void answerFailure(RoutingContext rc) {
        SecurityHeaders.apply(
                rc.response().headers(),
                rc.request().path() == null ? "/" : rc.request().path(),
                config.contentSecurityPolicy());
        int status = rc.statusCode();
        if (status < 400) {
            Log.errorf(rc.failure(), "unhandled failure on %s", rc.request().path());
            status = 500;
        }
        Problem p = status == 500
                ? Problem.of(
                        500,
                        "internal-error",
                        "Internal error",
                        "The request could not be completed; it has been logged",
                        rc.request().path(),
                        List.of())
                : HttpProblems.of(status, rc.request().path());
        answer(rc, p, 0);
    }

    /**
     * The route label (Micrometer's {@code uri} tag) of every request answered here, before or without a route: one
     * label for all of them, so that a flood of rejected paths cannot fill the metrics with raw paths and push the
     * real routes' series out of the label cap.
     */
    public static final String REJECTED_ROUTE = "/edge-rejected";
    /** Where Quarkus' HTTP metrics read a request's route template (the request's Vert.x context). */
    static final String ROUTE_TEMPLATE_KEY = "UrlPathTemplate";

    /** Writes {@code problem} as the answer, below JAX-RS (a route filter). */
    public static void answer(RoutingContext rc, Problem problem, long retryAfterSeconds) {
        labelRejected();
        HttpServerResponse response = rc.response();
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (retryAfterSeconds > 0) {
            response.putHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
        if (problem.status() == 413 || problem.status() == 431 || problem.status() == 414) {
            response.putHeader("Connection", "close"); // the rest of an oversized request is not read
        }
        response.end(Buffer.buffer(problem.toBytes()));
    }
}
