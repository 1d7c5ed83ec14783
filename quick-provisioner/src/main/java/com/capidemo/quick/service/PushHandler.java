package com.capidemo.quick.service;

import com.capidemo.shared.config.PlatformConfig;
import com.capidemo.shared.domain.Job;
import com.capidemo.shared.domain.JobLog;
import com.capidemo.shared.domain.JobStatus;
import com.capidemo.shared.domain.JobType;
import com.capidemo.shared.messaging.ProvisionMessage;
import com.capidemo.shared.messaging.PushMessage;
import com.capidemo.shared.port.ClaimOutcome;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.port.JobStore;
import com.capidemo.shared.service.WorkerIdentity;
import com.capidemo.shared.service.LeaseLostException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Turns one push delivery into at most one provisioning run (a quick job, or a clone job through
 * {@link DemoCloner}): claim the job with a lease (conditional write), do the work, complete it. Redeliveries of finished jobs are acked and ignored; a job whose
 * live lease belongs to another worker is refused with a retryable status.
 */
@ApplicationScoped
public class PushHandler {

    /** Transient failures retried through redelivery before the job is failed. */
    static final int MAX_JOB_ATTEMPTS = 3;

    private final JobStore jobs;
    private final DemoStore demos;
    private final QuickProvisioner provisioner;
    private final DemoCloner cloner;
    private final WorkerIdentity worker;
    private final MeterRegistry metrics;
    private final ReadinessScorer readiness;
    private final Duration lease;

    public PushHandler(JobStore jobs, DemoStore demos, QuickProvisioner provisioner, DemoCloner cloner,
                       WorkerIdentity worker, MeterRegistry metrics, ReadinessScorer readiness, PlatformConfig config) {
        this.jobs = jobs;
        this.demos = demos;
        this.provisioner = provisioner;
        this.cloner = cloner;
        this.worker = worker;
        this.metrics = metrics;
        this.readiness = readiness;
        this.lease = config.lease().duration();
    }

    public PushOutcome handle(PushMessage push) {
        readiness.pushArrived();
        ProvisionMessage message = ProvisionMessage.fromBytes(push.data());
        MDC.put("job_id", message.jobId());
        MDC.put("demo_id", String.valueOf(message.demoId()));
        MDC.put("tenant_id", String.valueOf(message.tenantId()));
        MDC.put("message_id", push.messageId());
        try {
            return handle(message);
        } finally {
            MDC.remove("job_id");
            MDC.remove("demo_id");
            MDC.remove("tenant_id");
            MDC.remove("message_id");
        }
    }

    private PushOutcome handle(ProvisionMessage message) {
        ClaimOutcome claim = jobs.claim(message.jobId(), worker.id(), lease);
        switch (claim.kind()) {
            case NOT_FOUND -> {
                Log.warnf("message for unknown job %s acked and dropped", message.jobId());
                return PushOutcome.ACK;
            }
            case ALREADY_FINISHED -> {
                Log.infof("job %s already %s; redelivery acked and ignored", message.jobId(), claim.job().status().wire());
                if (claim.job().status() == JobStatus.COMPLETED) {
                    demos.find(claim.job().demoId()).filter(d -> d.readiness() == null)
                            .ifPresent(d -> readiness.submit(d.demoId())); // the first delivery died before scoring
                }
                return PushOutcome.ACK;
            }
            case LEASED_BY_OTHER -> {
                Log.infof("job %s is leased by %s until %s; asking for redelivery", message.jobId(),
                        claim.job().lease().owner(), claim.job().lease().expiresAt());
                return PushOutcome.RETRY;
            }
            default -> {
                return run(claim.job());
            }
        }
    }

    private PushOutcome run(Job job) {
        String template = String.valueOf(job.payloadString("template_id"));
        boolean clone = job.type() == JobType.CLONE;
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "completed";
        try {
            Map<String, Object> result = clone ? cloner.cloneDemo(job, worker.id()) : provisioner.provision(job, worker.id());
            if (!jobs.complete(job.jobId(), worker.id(), result,
                    JobLog.info(Instant.now(), clone ? "Clone complete" : "Provisioning complete"))) {
                outcome = "lease_lost";
                return PushOutcome.ACK;
            }
            readiness.submit(job.demoId());
            return PushOutcome.ACK;
        } catch (LeaseLostException e) {
            outcome = "lease_lost";
            Log.warn(e.getMessage());
            return PushOutcome.ACK;
        } catch (QuickProvisioner.PermanentFailure e) {
            outcome = "failed";
            failJob(job, e.getMessage());
            return PushOutcome.ACK;
        } catch (RuntimeException e) {
            Log.errorf(e, "provisioning attempt %d of job %s failed", job.attempts(), job.jobId());
            if (job.attempts() >= MAX_JOB_ATTEMPTS) {
                outcome = "failed";
                failJob(job, "provisioning failed after " + job.attempts() + " attempts: " + e.getMessage());
                return PushOutcome.ACK;
            }
            outcome = "retried";
            jobs.release(job.jobId(), worker.id(), new JobLog(Instant.now(), "WARN",
                    "Attempt " + job.attempts() + " failed (" + e.getMessage() + "); will retry"));
            return PushOutcome.RETRY;
        } finally {
            String type = job.type().wire();
            sample.stop(metrics.timer("provision.duration", "type", type, "template", template, "outcome", outcome));
            metrics.counter("provision.count", "type", type, "template", template, "outcome", outcome).increment();
        }
    }

    private void failJob(Job job, String reason) {
        if (jobs.fail(job.jobId(), worker.id(), reason)) {
            demos.markFailed(job.demoId(), reason);
        }
    }
}
