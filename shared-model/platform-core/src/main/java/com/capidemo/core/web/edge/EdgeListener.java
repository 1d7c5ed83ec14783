package com.capidemo.core.web.edge;

import com.capidemo.core.web.HttpProblems;
import com.capidemo.core.web.Problem;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.runtime.VertxHttpBuildTimeConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.vertx.http.runtime.options.HttpServerOptionsUtils;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;

/**
 * The service's own HTTP listener, so that a request the HTTP codec refuses (a control character in a header value,
 * whitespace inside the request target, an over-long line or header) is answered as problem+json with the security
 * headers, like every other refusal. Quarkus never sets the Vert.x server's invalid-request handler and offers no hook
 * before it listens; so a service that turns Quarkus' own listener off ({@code quarkus.http.host-enabled=false})
 * gets this one: it listens on the host and port Quarkus would use (the test port in tests, a random port published
 * where Quarkus publishes its own), with the server options Quarkus would apply, and hands every well-formed request
 * to Quarkus' root handler (the router with every route, filter and the REST layer).
 */
@ApplicationScoped
public class EdgeListener {

    private final Vertx vertx;
    private final ValueRegistry values;
    private final EdgeConfig edge;
    private volatile String deployment;

    public EdgeListener(Vertx vertx, ValueRegistry values, EdgeConfig edge) {
        this.vertx = vertx;
        this.values = values;
        this.edge = edge;
    }

    /** Before the application is ready (the start fails if the port cannot be bound). */
    void start(@Observes @Priority(1) StartupEvent event, Config config) throws Exception {
        SmallRyeConfig smallRye = config.unwrap(SmallRyeConfig.class);
        VertxHttpConfig http = smallRye.getConfigMapping(VertxHttpConfig.class);
        if (http.hostEnabled() || http.domainSocketEnabled()) {
            return; // Quarkus listens itself
        }
        VertxHttpBuildTimeConfig buildTime = smallRye.getConfigMapping(VertxHttpBuildTimeConfig.class);
        LaunchMode mode = LaunchMode.current();
        HttpServerOptions options = new HttpServerOptions();
        int configured = http.determinePort(mode);
        // As Quarkus: a negative port is a random one that all instances share.
        options.setPort(configured == 0 ? -1 : configured);
        HttpServerOptionsUtils.applyCommonOptions(options, buildTime, http, List.of());
        int instances = config.getOptionalValue("quarkus.http.io-threads", Integer.class)
                .orElse(2 * Runtime.getRuntime().availableProcessors());
        AtomicInteger actualPort = new AtomicInteger();
        Handler<HttpServerRequest> invalid = this::refuse;
        Handler<HttpServerRequest> requests = this::route;
        deployment = vertx.deployVerticle(
                        () -> new Listener(new HttpServerOptions(options), requests, invalid, actualPort),
                        new DeploymentOptions().setInstances(Math.max(1, instances)))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        int port = actualPort.get();
        URI base = URI.create("http://" + ("0.0.0.0".equals(options.getHost()) ? "localhost" : options.getHost()) + ":"
                + port + rootPath(buildTime.rootPath()));
        values.register(HttpServer.HTTP_PORT, port);
        values.register(HttpServer.LOCAL_BASE_URI, base);
        if (mode.isDevOrTest()) {
            values.register(HttpServer.HTTP_TEST_PORT, port);
            values.register(ValueRegistry.RuntimeKey.key("test.url"), base.toString());
        }
        Log.infof("Listening on http://%s:%d (platform edge listener)", options.getHost(), port);
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        String id = deployment;
        if (id != null) {
            deployment = null;
            vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static String rootPath(String root) {
        String path = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }

    /**
     * A request the codec refused: 414 for an over-long request line, 431 for over-long headers, 400 otherwise (as
     * Vert.x's default handler), as problem+json with the security headers; the connection is closed, since what
     * follows on it cannot be read.
     */
    void refuse(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        int status = cause instanceof TooLongHttpLineException
                ? 414
                : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        HttpServerResponse response = problem(request, status).putHeader("Connection", "close");
        response.end(Buffer.buffer(HttpProblems.of(status, null).toBytes())).onComplete(done -> response.close());
    }

    /** The response with {@code status}, the security headers and the problem+json media type, not yet ended. */
    private HttpServerResponse problem(HttpServerRequest request, int status) {
        HttpServerResponse response = request.response();
        SecurityHeaders.apply(response.headers(), "/", edge.contentSecurityPolicy());
        return response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
    }

    /** One server per event loop, as Quarkus deploys its own; they share the port. */
    static final class Listener extends AbstractVerticle {
        private final HttpServerOptions options;
        private final Handler<HttpServerRequest> requests;
        private final Handler<HttpServerRequest> invalid;
        private final AtomicInteger actualPort;

        Listener(
                HttpServerOptions options,
                Handler<HttpServerRequest> requests,
                Handler<HttpServerRequest> invalid,
                AtomicInteger actualPort) {
            this.options = options;
            this.requests = requests;
            this.invalid = invalid;
            this.actualPort = actualPort;
        }

        @Override
        public void start(Promise<Void> started) {
            vertx.createHttpServer(options)
                    .invalidRequestHandler(invalid)
                    .requestHandler(requests)
                    .listen()
                    .onSuccess(server -> {
                        actualPort.compareAndSet(0, server.actualPort());
                        started.complete();
                    })
                    .onFailure(started::fail);
        }
    }

    /** Quarkus' root handler; before the router is final (only in the first moments of the start) 503. */
    private void route(HttpServerRequest request) {
        Handler<HttpServerRequest> root = VertxHttpRecorder.getRootHandler();
        if (root != null) {
            root.handle(request);
            return;
        }
        problem(request, 503)
                .putHeader("Retry-After", "1")
                .end(Buffer.buffer(HttpProblems.of(503, null).toBytes()));
    }
}
