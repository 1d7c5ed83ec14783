package com.capidemo.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Hand-built Pub/Sub push envelopes, independent of the product's own builder. */
final class PushEnvelopes {

    private PushEnvelopes() {}

    static byte[] provision(String jobId, String demoId, String tenantId, String templateId) {
        return job("quick", jobId, demoId, tenantId, templateId);
    }

    static byte[] cloneJob(String jobId, String demoId, String tenantId, String templateId) {
        return job("clone", jobId, demoId, tenantId, templateId);
    }

    private static byte[] job(String type, String jobId, String demoId, String tenantId, String templateId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("job_id", jobId);
        data.put("demo_id", demoId);
        data.put("tenant_id", tenantId);
        data.put("type", type);
        data.put("template_id", templateId);
        return envelope(
                Api.write(data).getBytes(StandardCharsets.UTF_8),
                Map.of("job_type", type, "tenant_id", tenantId, "job_id", jobId));
    }

    static byte[] envelope(byte[] data, Map<String, String> attributes) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("data", Base64.getEncoder().encodeToString(data));
        message.put("attributes", attributes);
        message.put("messageId", "e2e-" + UUID.randomUUID());
        message.put("publishTime", Instant.now().toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("message", message);
        envelope.put("subscription", "projects/local/subscriptions/provision-jobs-push");
        return Api.write(envelope).getBytes(StandardCharsets.UTF_8);
    }
}
