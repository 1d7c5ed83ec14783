package com.capidemo.core.web.edge;

import io.vertx.core.MultiMap;
import java.util.List;

/**
 * The response headers every answer carries: no MIME sniffing, no referrer (share tokens live in URLs), no framing,
 * the Content-Security-Policy, and {@code Cache-Control: no-store} — except the Web UI's content-hashed files under
 * /assets/ (the UI's own route sets their long cache). Quarkus' Swagger UI and Dev UI pages run inline scripts, so
 * they get no CSP (Swagger UI is off in prod unless an operator turns it on).
 */
public final class SecurityHeaders {

    private static final List<String> INLINE_SCRIPT_PAGES = List.of("/q/swagger-ui", "/q/dev-ui", "/q/dev");

    private SecurityHeaders() {}

    public static void apply(MultiMap headers, String path, String contentSecurityPolicy) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (contentSecurityPolicy != null
                && !contentSecurityPolicy.isBlank()
                && INLINE_SCRIPT_PAGES.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            headers.set("Content-Security-Policy", contentSecurityPolicy);
        }
        if (!path.startsWith("/assets/")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
