package com.capidemo.api.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake custom-provisioner at the transport boundary: records every task request (path, headers, body, arrival
 * time) and answers with the scripted status codes, then the default.
 */
public class TaskStub implements QuarkusTestResourceLifecycleManager {

    /** One task request as the worker saw it. */
    public record Received(String path, Map<String, String> headers, String body, long atMillis) {}

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final ConcurrentLinkedQueue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    public static volatile int defaultStatus = 200;
    /** The Retry-After header sent with every 503 and 429 answer; none when null. */
    public static volatile String retryAfter;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/tasks", exchange -> {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            RECEIVED.add(new Received(
                    exchange.getRequestURI().getPath(),
                    headers,
                    new String(exchange.getRequestBody().readAllBytes()),
                    System.currentTimeMillis()));
            Integer scripted = SCRIPT.poll();
            int status = scripted == null ? defaultStatus : scripted;
            byte[] body = ("{\"status\":" + status + "}").getBytes();
            String wait = retryAfter;
            if (wait != null && (status == 503 || status == 429)) {
                exchange.getResponseHeaders().add("Retry-After", wait);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of(
                "platform.queue.custom.endpoint",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    public static void reset(int status) {
        RECEIVED.clear();
        SCRIPT.clear();
        defaultStatus = status;
        retryAfter = null;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
