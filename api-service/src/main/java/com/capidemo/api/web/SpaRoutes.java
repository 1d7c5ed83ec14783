package com.capidemo.api.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the Web UI (built by npm into META-INF/resources) as a single-page app: a browser navigation to one of its
 * routes ({@code /demos/…}, {@code /shared/…}) that is not a file gets index.html, and the caches are told what may
 * be kept: the content-hashed files under /assets/ for a year, index.html never without asking again.
 */
@ApplicationScoped
public class SpaRoutes {

    static final String INDEX = "/index.html";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    /** Paths that are never UI routes: the API, Quarkus' own endpoints and the worker push targets. */
    static final List<String> NOT_UI = List.of("/api", "/q", "/pubsub", "/tasks");

    private static final String STATIC_ROOT = "META-INF/resources";
    private static final int PRIORITY = 100; // after the security filters, before any route

    /** Paths found to be files of the built UI; only hits are kept, so the set is bounded by the build's files. */
    private final Set<String> files = ConcurrentHashMap.newKeySet();

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        String path = rc.normalizedPath();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || isNotUi(path)) {
            rc.next();
            return;
        }
        if (path.startsWith("/assets/")) {
            cacheOnSuccess(rc, IMMUTABLE);
        } else if (path.equals("/") || path.equals(INDEX)) {
            cacheOnSuccess(rc, REVALIDATE);
        } else if (acceptsHtml(rc) && !isFile(path)) {
            rc.reroute(INDEX); // the filters run again for /index.html, which sets its header
            return;
        }
        rc.next();
    }

    static boolean isNotUi(String path) {
        return NOT_UI.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private static boolean acceptsHtml(RoutingContext rc) {
        String accept = rc.request().getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * A file of the built UI. A hit is remembered (the files do not change while the service runs); a miss is not,
     * so addresses made up by a client cannot grow the set.
     */
    private boolean isFile(String path) {
        if (path.endsWith("/") || path.contains("..")) {
            return false;
        }
        if (files.contains(path)) {
            return true;
        }
        boolean found = Thread.currentThread().getContextClassLoader().getResource(STATIC_ROOT + path) != null;
        if (found) {
            files.add(path);
        }
        return found;
    }

    /** Sets Cache-Control as the headers go out, and only on a success: a 404 must not be cached for a year. */
    private static void cacheOnSuccess(RoutingContext rc, String value) {
        rc.addHeadersEndHandler(v -> {
            int status = rc.response().getStatusCode();
            if (status == 200 || status == 304 || status == 206) {
                rc.response().headers().set("Cache-Control", value);
            }
        });
    }
}
