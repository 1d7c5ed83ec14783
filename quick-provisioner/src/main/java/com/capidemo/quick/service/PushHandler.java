package com.capidemo.quick.service;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushMessage;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.service.DemoFinisher;
import com.capidemo.core.service.JobErrors;
import com.capidemo.core.service.WorkerIdentity;
import com.capidemo.core.worker.Completion;
import com.capidemo.core.worker.DeliveryOutcome;
import com.capidemo.core.worker.FailureKind;
import com.capidemo.core.worker.FailureVerdict;
import com.capidemo.core.worker.JobRunner;
import com.capidemo.core.worker.JobWork;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Turns one push delivery into at most one provisioning run (a quick job, or a clone job through {@link DemoCloner}),
 * through the {@link JobRunner} (claim with a lease,
 * provision, complete with a conditional write). Redeliveries of finished jobs are acked and ignored (a completed demo
 * whose readiness job could not be queued then is queued now); a job whose live lease belongs to another worker is refused with a
 * retryable status. Failures are judged by the platform's one taxonomy, {@link FailureKind}: permanent ones fail the job
 * at once, the others are retried up to the runner's attempt limit.
 */
@ApplicationScoped
public class PushHandler implements JobWork {

    private final DemoStore demos;
    private final QuickProvisioner provisioner;
    private final DemoCloner cloner;
    private final WorkerIdentity worker;
    private final DemoFinisher finisher;
    private final JobRunner runner;

    public PushHandler(
            DemoStore demos,
            QuickProvisioner provisioner,
            DemoCloner cloner,
            WorkerIdentity worker,
            DemoFinisher finisher,
            JobRunner runner) {
        this.demos = demos;
        this.provisioner = provisioner;
        this.cloner = cloner;
        this.worker = worker;
        this.finisher = finisher;
        this.runner = runner;
    }

    public DeliveryOutcome handle(PushMessage push) {
        ProvisionMessage message = ProvisionMessage.fromBytes(push.data());
        return runner.handle(
                message.jobId(),
                Map.of(
                        "demo_id",
                        String.valueOf(message.demoId()),
                        "tenant_id",
                        String.valueOf(message.tenantId()),
                        "message_id",
                        push.messageId()),
                this);
    }

    @Override
    public Tags metricTags(Job job) {
        return Tags.of("type", job.type().wire(), "template", String.valueOf(job.templateId()));
    }

    @Override
    public Completion perform(Job job) {
        if (job.type() == JobType.CLONE) {
            return new Completion(cloner.cloneDemo(job, worker.id()), "Clone complete");
        }
        return new Completion(provisioner.provision(job, worker.id()), "Provisioning complete");
    }

    @Override
    public FailureVerdict judge(Job job, RuntimeException failure) {
        if (FailureKind.isPermanent(failure)) {
            return FailureVerdict.permanent(JobErrors.describe(failure));
        }
        Log.errorf(failure, "provisioning attempt %d of job %s failed", job.attempts(), job.jobId());
        String why = JobErrors.describe(failure);
        return FailureVerdict.retry(
                "Attempt " + job.attempts() + " failed (" + why + "); will retry",
                "provisioning failed after " + job.attempts() + " attempts: " + why);
    }

    @Override
    public void finishedEarlier(Job job) {
        if (job.status() == JobStatus.COMPLETED) {
            demos.find(job.demoId())
                    .filter(d -> d.readiness() == null)
                    .ifPresent(d -> finisher.queueReadiness(d.demoId())); // its readiness job was never queued
        }
    }
}
