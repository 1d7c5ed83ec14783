package com.capidemo.gcp;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Job;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.service.JobFailures;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The quick-job queue in gcp mode: the demo and the job are stored first, then the message is
 * published to the provision-jobs topic, whose push subscription delivers it to quick-provisioner.
 * Firestore and Pub/Sub share no transaction, so a job whose publish fails is failed at once with the
 * reason instead of staying queued forever.
 */
public class PubSubJobQueue implements JobQueue {

    private final Publisher publisher;
    private final JobStore jobs;
    private final DemoStore demos;
    private final Duration publishTimeout;

    public PubSubJobQueue(Publisher publisher, JobStore jobs, DemoStore demos, Duration publishTimeout) {
        this.publisher = publisher;
        this.jobs = jobs;
        this.demos = demos;
        this.publishTimeout = publishTimeout;
    }

    /** Thrown when the message could not be published; the job has been failed. */
    public static class PublishFailed extends RuntimeException {
        public PublishFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void submit(Demo demo, Job job, Map<String, String> attributes, byte[] data) {
        if (demo != null) {
            demos.create(demo);
        }
        jobs.create(job);
        PubsubMessage message = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(data))
                .putAllAttributes(TraceContext.withCurrent(attributes))
                .build();
        try {
            publisher.publish(message).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(job, e);
        } catch (ExecutionException | TimeoutException e) {
            throw failed(job, e);
        }
    }

    private PublishFailed failed(Job job, Exception cause) {
        String reason = "could not publish to " + publisher.getTopicNameString() + ": "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        JobFailures.failWithDemo(jobs, demos, job.jobId(), reason);
        return new PublishFailed(reason, cause);
    }
}
