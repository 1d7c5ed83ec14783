package com.capidemo.quick.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.chat.ReadinessCheck;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.DemoDeletion;
import com.capidemo.core.service.DemoFinisher;
import com.capidemo.core.service.ReadinessJobs;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.local.SqliteDatabase;
import com.capidemo.quick.support.QuickJobs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A quick-provisioned demo is ready at once and its readiness is a job of its own: one READINESS job queued on the
 * custom-job queue (scored by custom-provisioner's POST /tasks/readiness), never a thread left running in this worker.
 */
@QuarkusTest
class ReadinessOnProvisionTest {

    @Inject
    JobQueue queue;

    @Inject
    JobStore jobs;

    @Inject
    DemoStore demos;

    @Inject
    TemplateLibrary templates;

    @Inject
    DemoFinisher finisher;

    @Inject
    DemoDeletion deletion;

    @Inject
    ChatAgent chat;

    @Inject
    Clock clock;

    @Inject
    SqliteDatabase db;

    private ProvisionMessage provision(String templateId) {
        ProvisionMessage message = QuickJobs.enqueue(queue, "tenant_r", templateId);
        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(200);
        return message;
    }

    private long tasksOf(String jobId) {
        return db.read(c -> {
            try (var statement = c.prepareStatement("SELECT count(*) FROM tasks WHERE job_id = ?")) {
                statement.setString(1, jobId);
                try (var rs = statement.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Test
    void aFinishedProvisionQueuesOneReadinessJobForItsDemoThatDoesNotHoldTheDemo() {
        ProvisionMessage message = provision("banking");

        assertThat(demos.find(message.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.READY);
        Job readiness = jobs.find(ReadinessJobs.jobIdFor(message.demoId())).orElseThrow();
        assertThat(readiness.type()).isEqualTo(JobType.READINESS);
        assertThat(readiness.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(readiness.payload(JobPayload.Readiness.class).demoId()).isEqualTo(message.demoId());
        assertThat(readiness.demoId())
                .as("the job names its demo in its payload only")
                .isNull();
        assertThat(tasksOf(readiness.jobId())).isEqualTo(1);
        assertThat(jobs.activeJobFor(message.demoId()))
                .as("a queued readiness job never keeps its demo from being deleted")
                .isEmpty();
        assertThat(deletion.delete(message.demoId())).isEqualTo(DemoDeletion.Outcome.DELETED);
    }

    @Test
    void aRedeliveryOfACompletedJobQueuesTheReadinessJobOnlyOnce() {
        ProvisionMessage message = provision("telco");
        String readinessJob = ReadinessJobs.jobIdFor(message.demoId());

        QuickJobs.push(QuickJobs.envelope(message, 2)).statusCode(200);

        assertThat(jobs.find(readinessJob)).isPresent();
        assertThat(tasksOf(readinessJob)).isEqualTo(1);
        assertThat(jobs.find(message.jobId()).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void everyQuickProvisionedTemplateScores100() {
        for (TemplateDefinition template : templates.all()) {
            ProvisionMessage message = provision(template.templateId());
            Readiness r = finisher.recordReadiness(
                            message.demoId(), (spec, session) -> ReadinessCheck.score(chat, spec, session, clock))
                    .orElseThrow();
            assertThat(r.failed()).as(template.templateId()).isEmpty();
            assertThat(r.score()).as(template.templateId()).isEqualTo(100.0);
            assertThat(r.passed())
                    .isEqualTo(r.total())
                    .isEqualTo(template.goldenQueries().size());
            assertThat(demos.find(message.demoId()).orElseThrow().readiness()).isEqualTo(r);
        }
    }
}
