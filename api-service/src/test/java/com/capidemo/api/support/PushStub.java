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
 * A fake push endpoint at the transport boundary: records every envelope it receives and answers
 * with the scripted status codes (then the default), optionally after a delay.
 */
public class PushStub implements QuarkusTestResourceLifecycleManager {

    public static final List<byte[]> RECEIVED = new CopyOnWriteArrayList<>();
    /** The traceparent header of each received push (null when it had none), in arrival order. */
    public static final List<String> TRACEPARENTS = new CopyOnWriteArrayList<>();

    public static final ConcurrentLinkedQueue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    public static volatile int defaultStatus = 204;
    /** Milliseconds to wait before answering a status of 0 in the script (then answers 200). */
    public static volatile long slowMillis = 0;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/push", exchange -> {
            TRACEPARENTS.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            RECEIVED.add(exchange.getRequestBody().readAllBytes());
            Integer scripted = SCRIPT.poll();
            int status = scripted == null ? defaultStatus : scripted;
            if (status == 0) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            byte[] body = ("{\"status\":" + status + "}").getBytes();
            exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
            if (status != 204) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return Map.of(
                "platform.queue.quick.push-endpoint",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/push");
    }

    public static void reset(int status) {
        RECEIVED.clear();
        TRACEPARENTS.clear();
        SCRIPT.clear();
        defaultStatus = status;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
