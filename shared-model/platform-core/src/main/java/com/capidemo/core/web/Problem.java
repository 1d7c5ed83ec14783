package com.capidemo.core.web;

import com.capidemo.core.json.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type, String title, int status, String detail, String instance, List<Map<String, String>> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://capi-demo.dev/problems/";
    /** Longest request path echoed as {@code instance}: an attacker's megabyte URI is not sent back. */
    static final int MAX_INSTANCE = 256;

    /** A problem whose {@code type} is the stable slug under {@link #TYPE_BASE}. */
    public static Problem of(
            int status, String slug, String title, String detail, String instance, List<Map<String, String>> errors) {
        String path = instance == null || instance.length() <= MAX_INSTANCE
                ? instance
                : instance.substring(0, MAX_INSTANCE) + "…";
        return new Problem(TYPE_BASE + slug, title, status, detail, path, errors);
    }

    /** The JSON body, for answers written below JAX-RS (Vert.x route filters and failure handlers). */
    public byte[] toBytes() {
        return Json.write(this).getBytes(StandardCharsets.UTF_8);
    }
}
