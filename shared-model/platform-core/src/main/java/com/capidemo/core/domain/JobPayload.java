package com.capidemo.core.domain;

import com.capidemo.core.json.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a job was asked to do, one record per {@link JobType}. Serialized by Jackson as a snake_case document (the
 * {@code payload} of a stored job and of the job document the API answers with); the discriminator is the job's
 * {@code type}, which every store keeps beside the payload, so {@link #read} turns any stored payload document back
 * into its record, including documents written before the payload was typed (unknown keys are ignored, missing ones
 * are null).
 */
public sealed interface JobPayload {

    /** The kind of job this payload belongs to. */
    JobType type();

    /** The user who asked for the job (its API key's user email). */
    String requestedBy();

    /** The template a quick or clone job provisions from; null for other kinds. */
    default String templateId() {
        return null;
    }

    /**
     * What only one unfinished job may hold at a time (a pipeline's id): the store refuses a second job with the same
     * key while the first is queued or running. Null for jobs that may run side by side.
     */
    default String exclusiveKey() {
        return null;
    }

    /** A quick job: a demo from template {@code templateId} for {@code customerName}. */
    record Quick(String templateId, String customerName, String requestedBy) implements JobPayload {
        @Override
        public JobType type() {
            return JobType.QUICK;
        }
    }

    /** A clone job: a copy of demo {@code sourceDemoId} (made from {@code templateId}) for {@code customerName}. */
    record Clone(String sourceDemoId, String templateId, String customerName, String requestedBy)
            implements JobPayload {
        @Override
        public JobType type() {
            return JobType.CLONE;
        }
    }

    /** A custom job: the brief the custom pipeline designs a demo from. */
    record Custom(
            String customerName,
            String industry,
            String website,
            String description,
            List<String> useCases,
            String requestedBy)
            implements JobPayload {

        /** Use cases are never null (an absent list is empty); the list is a copy that cannot be changed. */
        public Custom {
            useCases = useCases == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(useCases));
        }

        @Override
        public JobType type() {
            return JobType.CUSTOM;
        }
    }

    /**
     * A tenant's templated pipeline run: template {@code configs/{provider}/{domain}/{templateName}.yml} as pipeline
     * {@code pipelineId}, triggered by {@code triggerBy} for business date {@code date}.
     */
    record Pipeline(
            String pipelineId,
            String provider,
            String domain,
            String templateName,
            String triggerBy,
            LocalDate date,
            String requestedBy)
            implements JobPayload {

        @Override
        public JobType type() {
            return JobType.PIPELINE;
        }

        /** Only one run of a pipeline id is queued or running at a time. */
        @Override
        @JsonProperty("exclusive_key")
        public String exclusiveKey() {
            return pipelineId;
        }
    }

    /**
     * A readiness job: the agent of ready demo {@code demoId} is asked its golden questions and the score is stored on
     * the demo. The demo is named here and not as the job's own demo: a readiness job never holds its demo, so it never
     * keeps it from being deleted, and its failure never fails the demo (its readiness stays unknown).
     */
    record Readiness(String demoId, String requestedBy) implements JobPayload {
        @Override
        public JobType type() {
            return JobType.READINESS;
        }
    }

    /** The stored document of this payload (snake_case keys, the date as yyyy-MM-dd). */
    default Map<String, Object> toMap() {
        return Json.MAPPER.convertValue(this, new TypeReference<Map<String, Object>>() {});
    }

    /** The payload of a job of {@code type} from its stored document; a missing document reads as an empty payload. */
    static JobPayload read(JobType type, Map<String, Object> document) {
        return Json.MAPPER.convertValue(document == null ? Map.of() : document, recordOf(type));
    }

    /** The payload of a job of {@code type} from its stored JSON text; null or blank reads as an empty payload. */
    static JobPayload read(JobType type, String json) {
        JobPayload payload = json == null || json.isBlank() ? null : Json.read(json, recordOf(type));
        return payload == null ? read(type, Map.of()) : payload;
    }

    private static Class<? extends JobPayload> recordOf(JobType type) {
        return switch (type) {
            case QUICK -> Quick.class;
            case CLONE -> Clone.class;
            case CUSTOM -> Custom.class;
            case PIPELINE -> Pipeline.class;
            case READINESS -> Readiness.class;
        };
    }
}
