package com.capidemo.quick.service;

import com.capidemo.core.messaging.ProvisionMessage;
import com.capidemo.core.messaging.PushMessage;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.EventPublisher;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.JobFailures;
import com.capidemo.core.worker.ProvisionEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Messages Pub/Sub gave up on (after the subscription's maximum delivery attempts it forwards them to the
 * dead-letter topic, whose push subscription calls us): their job fails with the reason instead of staying queued
 * forever, and its failure is published on provision-events like any other. Locally the outbox dispatcher fails the
 * job when it dead-letters. A finished job is left alone.
 */
@ApplicationScoped
public class DeadLetterHandler {

    /** Attribute Pub/Sub adds to a dead-lettered message: how often the source subscription tried to deliver it. */
    static final String DELIVERY_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount";

    static final String SOURCE = "CloudPubSubDeadLetterSourceSubscription";

    private final JobStore jobs;
    private final DemoStore demos;
    private final EventPublisher events;
    private final MeterRegistry metrics;

    public DeadLetterHandler(JobStore jobs, DemoStore demos, EventPublisher events, MeterRegistry metrics) {
        this.jobs = jobs;
        this.demos = demos;
        this.events = events;
        this.metrics = metrics;
    }

    /** @return true when the job was failed now (false: unknown or already finished) */
    public boolean handle(PushMessage push) {
        ProvisionMessage message = ProvisionMessage.fromBytes(push.data());
        String attempts = push.attributes().getOrDefault(DELIVERY_COUNT, "?");
        String reason = "message dead-lettered after " + attempts + " delivery attempts"
                + (push.attributes().containsKey(SOURCE)
                        ? " on " + push.attributes().get(SOURCE)
                        : "")
                + ": the worker never acknowledged it";
        boolean failed = JobFailures.failWithDemo(jobs, demos, message.jobId(), reason);
        if (failed) {
            Log.warnf("job %s failed: %s", message.jobId(), reason);
            jobs.find(message.jobId()).ifPresent(job -> ProvisionEvents.failed(events, job, reason));
        } else {
            Log.infof("dead letter for job %s ignored: the job is unknown or already finished", message.jobId());
        }
        metrics.counter("pubsub.dead_letter", "outcome", failed ? "job_failed" : "ignored")
                .increment();
        return failed;
    }
}
