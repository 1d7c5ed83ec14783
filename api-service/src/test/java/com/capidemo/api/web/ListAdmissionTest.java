package com.capidemo.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate in a real Vert.x router over HTTP: the list route answers only when the test lets it, so the test decides
 * when a permit is held, and no assertion waits on a clock.
 */
class ListAdmissionTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ListAdmission admission = new ListAdmission(Optional.of(1), 1, metrics);
    /** List requests that reached the route, in arrival order, each answered when the test says so. */
    private final LinkedBlockingQueue<RoutingContext> arrived = new LinkedBlockingQueue<>();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Vertx vertx;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(admission::handle);
        router.get("/api/demos").handler(arrived::add);
        router.get("/api/demos/:id").handler(rc -> rc.response().end("demo " + rc.pathParam("id")));
        HttpServer server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        return client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private RoutingContext nextArrival() throws InterruptedException {
        RoutingContext rc = arrived.poll(10, TimeUnit.SECONDS);
        assertThat(rc).as("a list request reached the route").isNotNull();
        return rc;
    }

    private static void answer(RoutingContext rc, String body) {
        rc.vertx().runOnContext(v -> rc.response().end(body));
    }

    @Test
    void listsQueueBehindThePermitWhileSingleDemoReadsPassAndTheOverflowIs429() throws Exception {
        CompletableFuture<HttpResponse<String>> first = get("/api/demos");
        RoutingContext running = nextArrival();
        CompletableFuture<HttpResponse<String>> second = get("/api/demos?limit=5");
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.gate().waiting() == 1);

        HttpResponse<String> point = get("/api/demos/d1").get(10, TimeUnit.SECONDS);
        assertThat(point.statusCode()).isEqualTo(200);
        assertThat(point.body()).isEqualTo("demo d1");

        HttpResponse<String> refused = get("/api/demos").get(10, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("\"status\":429");

        assertThat(arrived).isEmpty(); // the second list waits for the permit, not on a worker
        assertThat(second).isNotDone();
        answer(running, "page 1");
        assertThat(first.get(10, TimeUnit.SECONDS).body()).isEqualTo("page 1");
        RoutingContext handedOver = nextArrival();
        assertThat(handedOver.request().query()).isEqualTo("limit=5");
        answer(handedOver, "page 2");
        assertThat(second.get(10, TimeUnit.SECONDS).body()).isEqualTo("page 2");
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.gate().inFlight() == 0);
        assertThat(metrics.get("platform.api.list.in_flight").gauge().value()).isZero();
    }

    @Test
    void theDashboardSharesTheGateAndOtherMethodsDoNot() {
        assertThat(ListAdmission.gated(io.vertx.core.http.HttpMethod.GET, "/api/dashboard"))
                .isTrue();
        assertThat(ListAdmission.gated(io.vertx.core.http.HttpMethod.GET, "/api/demos"))
                .isTrue();
        assertThat(ListAdmission.gated(io.vertx.core.http.HttpMethod.POST, "/api/demos"))
                .isFalse();
        assertThat(ListAdmission.gated(io.vertx.core.http.HttpMethod.GET, "/api/demos/d1"))
                .isFalse();
        assertThat(ListAdmission.gated(io.vertx.core.http.HttpMethod.GET, "/api/shared/t"))
                .isFalse();
    }

    @Test
    void aClientThatGivesUpFreesItsPermitOrItsPlace() throws Exception {
        Socket holder = rawGet("/api/demos");
        RoutingContext running = nextArrival();
        Socket waiter = rawGet("/api/demos");
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.gate().waiting() == 1);

        waiter.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.gate().waiting() == 0);
        holder.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.gate().inFlight() == 0);
        assertThat(running.response().closed()).isTrue();

        CompletableFuture<HttpResponse<String>> next = get("/api/demos");
        answer(nextArrival(), "again");
        assertThat(next.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private Socket rawGet(String path) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
