package com.capidemo.quick.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.quick.support.QuickJobs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A quick-provisioned demo records its readiness score: every golden question through its agent, 100 % locally. */
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
    ReadinessScorer scorer;

    private ProvisionMessage provision(String templateId) {
        ProvisionMessage message = QuickJobs.enqueue(queue, "tenant_r", templateId);
        QuickJobs.push(QuickJobs.envelope(message, 1)).statusCode(200);
        return message;
    }

    @Test
    void everyQuickProvisionedTemplateScores100() {
        for (TemplateDefinition template : templates.all()) {
            ProvisionMessage message = provision(template.templateId());
            assertThat(demos.find(message.demoId()).orElseThrow().status())
                    .as(template.templateId())
                    .isEqualTo(DemoStatus.READY);
            Demo demo = scored(message.demoId());
            Readiness r = demo.readiness();
            assertThat(r).as(template.templateId()).isNotNull();
            assertThat(r.failed()).as(template.templateId()).isEmpty();
            assertThat(r.score()).as(template.templateId()).isEqualTo(100.0);
            assertThat(r.passed())
                    .isEqualTo(r.total())
                    .isEqualTo(template.goldenQueries().size());
            assertThat(r.checkedAt())
                    .isAfterOrEqualTo(jobs.find(message.jobId()).orElseThrow().completedAt());
        }
    }

    @Test
    void aRedeliveryOfACompletedJobScoresADemoThatWasNeverScored() {
        ProvisionMessage message = provision("banking");
        scored(message.demoId());
        demos.recordReadiness(message.demoId(), null); // as if the worker died between completing and scoring
        assertThat(demos.find(message.demoId()).orElseThrow().readiness()).isNull();

        QuickJobs.push(QuickJobs.envelope(message, 2)).statusCode(200);

        assertThat(scored(message.demoId()).readiness().score()).isEqualTo(100.0);
        assertThat(jobs.find(message.jobId()).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void demosLeftUnscoredByAStopAreScoredByTheStartupSweep() {
        ProvisionMessage message = provision("telco");
        scored(message.demoId());
        demos.recordReadiness(message.demoId(), null);
        assertThat(demos.listReadyUnscored(1000)).contains(message.demoId());

        scorer.sweep();

        assertThat(scored(message.demoId()).readiness().score()).isEqualTo(100.0);
    }

    /** Readiness is scored in the background, right after the job completed. */
    private Demo scored(String demoId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> demos.find(demoId).orElseThrow(), d -> d.readiness() != null);
    }
}
