package com.capidemo.core.messaging;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.json.Json;
import com.capidemo.core.json.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON carried in a provision-jobs message's data: enough to find the job, never the job itself. */
public record ProvisionMessage(String jobId, String demoId, String tenantId, String type, String templateId) {

    public byte[] toBytes() {
        return Json.bytes(this);
    }

    /** @throws MalformedEnvelopeException when the data is not a provision message */
    public static ProvisionMessage fromBytes(byte[] data) {
        ProvisionMessage m;
        try {
            m = StrictJson.MAPPER.readValue(data, ProvisionMessage.class);
        } catch (UncheckedIOException | IOException e) {
            throw new MalformedEnvelopeException("message.data", "message data is not a provision message");
        }
        if (m == null || m.jobId() == null || m.jobId().isBlank()) {
            throw new MalformedEnvelopeException("message.data", "message data has no job_id");
        }
        if (!Ids.isWellFormed(m.jobId())) {
            throw new MalformedEnvelopeException("message.data", "message data has a job_id that is not an id");
        }
        return m;
    }
}
