package com.capidemo.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Job payloads are typed records stored as the same snake_case documents the string-keyed maps were, so a payload
 * stored or queued by an earlier version reads back as its record, and a record is stored under the earlier keys.
 */
class JobPayloadTest {

    @Test
    void aQuickPayloadIsStoredUnderItsKeysAndReadBack() {
        JobPayload quick = new JobPayload.Quick("shopify", "Acme", "ce@acme.example");

        assertThat(quick.toMap())
                .containsExactly(
                        Map.entry("template_id", "shopify"),
                        Map.entry("customer_name", "Acme"),
                        Map.entry("requested_by", "ce@acme.example"));
        assertThat(JobPayload.read(JobType.QUICK, Json.write(quick))).isEqualTo(quick);
        assertThat(JobPayload.read(JobType.QUICK, quick.toMap())).isEqualTo(quick);
    }

    @Test
    void payloadDocumentsWrittenAsMapsByTheEarlierVersionReadAsTheirRecords() {
        assertThat(
                        JobPayload.read(
                                JobType.QUICK,
                                "{\"template_id\":\"shopify\",\"customer_name\":\"Acme\",\"requested_by\":\"ce@acme.example\"}"))
                .isEqualTo(new JobPayload.Quick("shopify", "Acme", "ce@acme.example"));
        assertThat(JobPayload.read(
                        JobType.CLONE,
                        Map.of(
                                "source_demo_id",
                                "demo_1",
                                "template_id",
                                "shopify",
                                "customer_name",
                                "Cloned Corp",
                                "requested_by",
                                "colleague@example.com")))
                .isEqualTo(new JobPayload.Clone("demo_1", "shopify", "Cloned Corp", "colleague@example.com"));
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("customer_name", "Harbor Freight Lines");
        custom.put("industry", "logistics");
        custom.put("website", null);
        custom.put("description", "Regional LTL carrier");
        custom.put("use_cases", List.of("on-time delivery"));
        custom.put("requested_by", "ce@acme.example");
        assertThat(JobPayload.read(JobType.CUSTOM, custom))
                .isEqualTo(new JobPayload.Custom(
                        "Harbor Freight Lines",
                        "logistics",
                        null,
                        "Regional LTL carrier",
                        List.of("on-time delivery"),
                        "ce@acme.example"));
        JobPayload pipeline = JobPayload.read(
                JobType.PIPELINE,
                "{\"pipeline_id\":\"acme-gcp-example-dryrun\","
                        + "\"provider\":\"gcp\",\"domain\":\"example\",\"template_name\":\"dryrun\",\"trigger_by\":\"cron\","
                        + "\"date\":\"2025-10-31\",\"requested_by\":\"ce@acme.example\","
                        + "\"exclusive_key\":\"acme-gcp-example-dryrun\"}");
        assertThat(pipeline)
                .isEqualTo(new JobPayload.Pipeline(
                        "acme-gcp-example-dryrun",
                        "gcp",
                        "example",
                        "dryrun",
                        "cron",
                        LocalDate.of(2025, 10, 31),
                        "ce@acme.example"));
        assertThat(pipeline.exclusiveKey()).isEqualTo("acme-gcp-example-dryrun");
    }

    @Test
    void aPipelinePayloadKeepsItsDateAsTextAndItsExclusiveKey() {
        JobPayload run = new JobPayload.Pipeline(
                "acme-gcp-example-dryrun",
                "gcp",
                "example",
                "dryrun",
                "cron",
                LocalDate.of(2025, 10, 31),
                "ce@acme.example");

        assertThat(run.toMap())
                .containsEntry("date", "2025-10-31")
                .containsEntry("exclusive_key", "acme-gcp-example-dryrun")
                .containsEntry("template_name", "dryrun");
        assertThat(JobPayload.read(JobType.PIPELINE, run.toMap())).isEqualTo(run);
    }

    @Test
    void aReadinessPayloadNamesTheDemoItScoresAndReadsBack() {
        JobPayload readiness = new JobPayload.Readiness("demo_1", "ce@acme.example");

        assertThat(readiness.type()).isEqualTo(JobType.READINESS);
        assertThat(readiness.toMap())
                .containsExactly(Map.entry("demo_id", "demo_1"), Map.entry("requested_by", "ce@acme.example"));
        assertThat(JobPayload.read(JobType.READINESS, Json.write(readiness))).isEqualTo(readiness);
        assertThat(JobType.fromWire("readiness")).isEqualTo(JobType.READINESS);
        assertThat(readiness.exclusiveKey())
                .as("readiness jobs run side by side")
                .isNull();
    }

    @Test
    void aCustomPayloadAlwaysHasAListOfUseCases() {
        JobPayload.Custom brief = new JobPayload.Custom("Acme", "Retail", null, null, null, "ce@acme.example");

        assertThat(brief.useCases()).isEmpty();
        assertThat(brief.toMap()).containsEntry("use_cases", List.of()).containsEntry("website", null);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("use_cases", Arrays.asList("on-time delivery", null));
        assertThat(((JobPayload.Custom) JobPayload.read(JobType.CUSTOM, stored)).useCases())
                .as("a stored list with a hole still reads")
                .containsExactly("on-time delivery", null);
    }

    @Test
    void unknownKeysAreIgnoredAndAMissingDocumentReadsAsAnEmptyPayloadOfTheJobsType() {
        assertThat(JobPayload.read(JobType.QUICK, "{\"requested_by\":\"ce@acme.example\",\"later_key\":1}"))
                .isEqualTo(new JobPayload.Quick(null, null, "ce@acme.example"));
        assertThat(JobPayload.read(JobType.CLONE, (String) null))
                .isEqualTo(new JobPayload.Clone(null, null, null, null));
        assertThat(JobPayload.read(JobType.PIPELINE, "null")).isInstanceOf(JobPayload.Pipeline.class);
        assertThat(JobPayload.read(JobType.CUSTOM, (Map<String, Object>) null)).isInstanceOf(JobPayload.Custom.class);
    }

    @Test
    void aQueuedJobTakesItsTypeAndCreatorFromThePayloadAndHandsOutOnlyItsOwnKind() {
        Job job = Job.queued(
                "job_1",
                "demo_1",
                "acme",
                new JobPayload.Clone("demo_src", "shopify", "Cloned Corp", "colleague@example.com"),
                Instant.parse("2026-06-01T10:00:00Z"));

        assertThat(job.type()).isEqualTo(JobType.CLONE);
        assertThat(job.createdBy()).isEqualTo("colleague@example.com");
        assertThat(job.sourceDemoId()).isEqualTo("demo_src");
        assertThat(job.templateId()).isEqualTo("shopify");
        assertThat(job.exclusiveKey()).isNull();
        assertThat(job.payload(JobPayload.Clone.class).customerName()).isEqualTo("Cloned Corp");
        assertThatThrownBy(() -> job.payload(JobPayload.Pipeline.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("job job_1 is a clone job, not a pipeline job");
    }
}
