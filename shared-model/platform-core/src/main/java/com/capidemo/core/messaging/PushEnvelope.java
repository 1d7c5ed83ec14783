package com.capidemo.core.messaging;

import com.capidemo.core.json.Json;
import com.capidemo.core.json.StrictJson;
import com.capidemo.core.json.UserText;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Pub/Sub push wire format:
 * {@code {"message":{"data":base64,"attributes":{…},"messageId":"…","publishTime":"…"},"subscription":"…"}}.
 * Both our local dispatcher and Google send exactly this, so the worker parses one format.
 */
public final class PushEnvelope {

    /** Pub/Sub message ids are decimal numbers of some 16 digits; anything much longer is not one. */
    static final int MAX_ID = 128;
    /** A Pub/Sub subscription name: projects/{project}/subscriptions/{name} stays well below this. */
    static final int MAX_SUBSCRIPTION = 512;

    private PushEnvelope() {}

    /** Builds the envelope JSON for a message (used by the local outbox dispatcher and tests). */
    public static byte[] build(
            String messageId,
            Instant publishTime,
            Map<String, String> attributes,
            byte[] data,
            String subscription,
            int deliveryAttempt) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("data", Base64.getEncoder().encodeToString(data));
        message.put("attributes", attributes);
        message.put("messageId", messageId);
        message.put("message_id", messageId);
        message.put("publishTime", publishTime.toString());
        message.put("publish_time", publishTime.toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("message", message);
        envelope.put("subscription", subscription);
        envelope.put("deliveryAttempt", deliveryAttempt);
        try {
            return Json.MAPPER.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and validates a push body; throws {@link MalformedEnvelopeException} naming what is wrong. */
    public static PushMessage parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedEnvelopeException("empty push body");
        }
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MalformedEnvelopeException("push body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEnvelopeException("push body is not a JSON object");
        }
        JsonNode message = root.get("message");
        if (message == null || !message.isObject()) {
            throw new MalformedEnvelopeException("message", "missing 'message' object");
        }
        String messageId = text(message, "message.messageId", "messageId", "message_id");
        if (messageId == null || messageId.isBlank()) {
            throw new MalformedEnvelopeException("message.messageId", "missing message.messageId");
        }
        if (messageId.length() > MAX_ID) {
            throw new MalformedEnvelopeException(
                    "message.messageId", "message.messageId is longer than " + MAX_ID + " characters");
        }
        String dataText = text(message, "message.data", "data", null);
        if (dataText == null) {
            throw new MalformedEnvelopeException("message.data", "missing message.data");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(dataText);
        } catch (IllegalArgumentException e) {
            throw new MalformedEnvelopeException("message.data", "message.data is not base64");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode attrs = message.get("attributes");
        if (attrs != null && !attrs.isNull()) {
            if (!attrs.isObject()) {
                throw new MalformedEnvelopeException("message.attributes", "message.attributes is not an object");
            }
            attrs.fields()
                    .forEachRemaining(
                            e -> attributes.put(e.getKey(), e.getValue().asText()));
        }
        Instant publishTime = null;
        String published = text(message, "message.publishTime", "publishTime", "publish_time");
        if (published != null) {
            try {
                publishTime = Instant.parse(published);
            } catch (DateTimeParseException e) {
                throw new MalformedEnvelopeException(
                        "message.publishTime", "message.publishTime is not an RFC 3339 timestamp");
            }
        }
        String subscription = text(root, "subscription", "subscription", null);
        if (subscription != null
                && (subscription.length() > MAX_SUBSCRIPTION
                        || subscription.chars().anyMatch(UserText::isControlOrLineBreak))) {
            throw new MalformedEnvelopeException(
                    "subscription",
                    "subscription must be a subscription name of at most " + MAX_SUBSCRIPTION
                            + " characters without control characters");
        }
        JsonNode attempt = root.get("deliveryAttempt");
        if (attempt != null && !attempt.isNull() && !attempt.canConvertToInt()) {
            throw new MalformedEnvelopeException("deliveryAttempt", "deliveryAttempt must be an integer");
        }
        int deliveryAttempt = attempt != null && attempt.canConvertToInt() ? attempt.asInt() : 0;
        return new PushMessage(messageId, publishTime, Map.copyOf(attributes), data, subscription, deliveryAttempt);
    }

    /** A string field (null when absent or null); any other JSON type is a malformed envelope naming {@code field}. */
    private static String text(JsonNode node, String field, String name, String alternative) {
        JsonNode v = node.get(name);
        if ((v == null || v.isNull()) && alternative != null) {
            v = node.get(alternative);
        }
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MalformedEnvelopeException(field, field + " must be a string");
        }
        return v.asText();
    }
}
