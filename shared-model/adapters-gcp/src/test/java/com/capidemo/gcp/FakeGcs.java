package com.capidemo.gcp;

import com.capidemo.gcp.FakeHttpServer.Request;
import com.capidemo.gcp.FakeHttpServer.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the Cloud Storage JSON API for the object store: object metadata and media reads, listing by
 * prefix, multipart uploads and resumable upload sessions. Buckets must be created first; an object appears only
 * when its upload completes, as in Cloud Storage.
 */
final class FakeGcs implements AutoCloseable {

    /** Metadata reads, and media reads, which the client sends to /download/storage/v1/.... */
    private static final Pattern OBJECT = Pattern.compile("(?:/download)?/storage/v1/b/([^/]+)/o/(.+)");

    private static final Pattern OBJECTS = Pattern.compile("/storage/v1/b/([^/]+)/o");
    private static final Pattern UPLOAD = Pattern.compile("/upload/storage/v1/b/([^/]+)/o");

    private record Session(String bucket, String name, ByteArrayOutputStream received) {}

    final FakeHttpServer http;
    final Set<String> buckets = ConcurrentHashMap.newKeySet();
    /** "bucket/name" to content. */
    final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    FakeGcs() throws IOException {
        http = new FakeHttpServer(this::route);
    }

    Storage client() {
        return StorageOptions.http()
                .setHost(http.url())
                .setProjectId("p")
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(GcpRetry.settings(4, Duration.ofMillis(10), Duration.ofSeconds(20)))
                .build()
                .getService();
    }

    private Response route(Request r) {
        Matcher m;
        if (r.method().equals("GET") && (m = OBJECT.matcher(r.path())).matches()) {
            String key = m.group(1) + "/" + FakeHttpServer.decode(m.group(2));
            byte[] content = objects.get(key);
            if (content == null) {
                return Response.error(404, "notFound", "No such object: " + key);
            }
            return "media".equals(r.params().get("alt"))
                    ? media(r, content)
                    : Response.json(200, metadata(key, content));
        }
        if (r.method().equals("GET") && (m = OBJECTS.matcher(r.path())).matches()) {
            return list(m.group(1), r.params().getOrDefault("prefix", ""));
        }
        if (r.method().equals("POST") && (m = UPLOAD.matcher(r.path())).matches()) {
            if (!buckets.contains(m.group(1))) {
                return Response.error(404, "notFound", "The specified bucket does not exist.");
            }
            return "resumable".equals(r.params().get("uploadType"))
                    ? startSession(r, m.group(1))
                    : multipart(r, m.group(1));
        }
        if (r.method().equals("PUT") && sessions.containsKey(r.params().getOrDefault("upload_id", ""))) {
            return chunk(r, sessions.get(r.params().get("upload_id")));
        }
        return Response.error(404, "notFound", "fake GCS has no route for " + r.method() + " " + r.path());
    }

    private Response list(String bucket, String prefix) {
        if (!buckets.contains(bucket)) {
            return Response.error(404, "notFound", "The specified bucket does not exist.");
        }
        List<Map<String, Object>> items = objects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(bucket + "/" + prefix))
                .map(e -> metadata(e.getKey(), e.getValue()))
                .toList();
        return Response.json(200, Map.of("kind", "storage#objects", "items", items));
    }

    /** A media read from the offset of a {@code Range: bytes=N-} header, as resumed downloads send. */
    private static Response media(Request r, byte[] content) {
        String range = r.header("range");
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
        if (from > 0 && from >= content.length) {
            return Response.error(416, "requestedRangeNotSatisfiable", "range not satisfiable");
        }
        byte[] body = java.util.Arrays.copyOfRange(content, from, content.length);
        return new Response(from == 0 ? 200 : 206, "application/octet-stream", body, Map.of("x-goog-generation", "1"));
    }

    /** multipart/related: a JSON metadata part, then the content part. */
    private Response multipart(Request r, String bucket) {
        String boundary = "--" + r.header("content-type").replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        String body = new String(r.body(), StandardCharsets.ISO_8859_1); // one char per byte, so content survives
        String[] parts = body.split(Pattern.quote(boundary));
        String metadata = parts[1].substring(parts[1].indexOf("\r\n\r\n") + 4).strip();
        String content = parts[2].substring(parts[2].indexOf("\r\n\r\n") + 4);
        content = content.substring(0, content.length() - 2); // the CRLF before the closing boundary
        String name = json(metadata).get("name").asText();
        return complete(bucket, name, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Response startSession(Request r, String bucket) {
        String id = java.util.UUID.randomUUID().toString();
        sessions.put(id, new Session(bucket, r.json().get("name").asText(), new ByteArrayOutputStream()));
        return Response.empty(200)
                .withHeader(
                        "Location",
                        http.url() + "/upload/storage/v1/b/" + bucket + "/o?uploadType=resumable&upload_id=" + id);
    }

    /** A PUT of {@code Content-Range: bytes a-b/total} (total {@code *} until the last chunk). */
    private Response chunk(Request r, Session s) {
        s.received().writeBytes(r.body());
        String total = r.header("content-range").replaceAll(".*/", "");
        int size = s.received().size();
        if (!total.equals("*") && Long.parseLong(total) == size) {
            return complete(s.bucket(), s.name(), s.received().toByteArray());
        }
        return Response.empty(308).withHeader("Range", "bytes=0-" + (size - 1));
    }

    private Response complete(String bucket, String name, byte[] content) {
        objects.put(bucket + "/" + name, content);
        return Response.json(200, metadata(bucket + "/" + name, content));
    }

    private static Map<String, Object> metadata(String key, byte[] content) {
        int slash = key.indexOf('/');
        return Map.of(
                "kind",
                "storage#object",
                "bucket",
                key.substring(0, slash),
                "name",
                key.substring(slash + 1),
                "generation",
                "1",
                "metageneration",
                "1",
                "size",
                String.valueOf(content.length),
                "contentType",
                "application/octet-stream");
    }

    private static JsonNode json(String text) {
        try {
            return FakeHttpServer.JSON.readTree(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
