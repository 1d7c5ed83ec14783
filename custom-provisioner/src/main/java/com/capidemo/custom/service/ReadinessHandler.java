package com.capidemo.custom.service;

import com.capidemo.chat.ReadinessCheck;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.ChatAnswer;
import com.capidemo.core.port.ChatQuotaExhaustedException;
import com.capidemo.core.port.ChatTurn;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.QuerySession;
import com.capidemo.core.port.TaskDelivery;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.service.DemoFinisher;
import com.capidemo.core.service.JobErrors;
import com.capidemo.core.service.WorkerIdentity;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.core.worker.Completion;
import com.capidemo.core.worker.DeliveryOutcome;
import com.capidemo.core.worker.FailureVerdict;
import com.capidemo.core.worker.JobRunner;
import com.capidemo.core.worker.JobWork;
import com.capidemo.custom.pipeline.LeaseKeeper;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one delivery of a readiness job (POST /tasks/readiness) through the {@link JobRunner}: claim it with a lease,
 * ask the demo's agent each golden question (each one paced by {@link ReadinessPacer}), store the score on the demo,
 * complete the job. A redelivery of a completed job is answered done and scores nothing again. A used-up chat quota
 * (the API's RESOURCE_EXHAUSTED, or no pacing permit in time) is never a failed question: the delivery releases the
 * job, takes back the attempt its claim counted ({@link FailureVerdict#deferred}) and hands the job back to the queue
 * to deliver again after the wait, without using one of the queue's attempts either ({@link TaskQueue#defer}), for at
 * most platform.queue.custom.max-deferral since the first such wait. So the job's {@link JobRunner#MAX_JOB_ATTEMPTS}
 * are all left for real failures, however often it waited. A demo that is no longer ready (deleted,
 * archived) completes the job without a score. When the queue gives up, the job fails and the demo stays ready with its
 * readiness unknown.
 */
@ApplicationScoped
public class ReadinessHandler {

    /**
     * What a delivery ended with: when to try again (zero unless the chat quota asked for a wait and the queue honours
     * Retry-After), and the task the queue scheduled to deliver the job again, when it did (the delivery is then done).
     */
    public record Outcome(
            DeliveryOutcome delivery, Duration retryAfter, Optional<TaskQueue.Deferral.Rescheduled> next) {

        public static Outcome of(DeliveryOutcome delivery) {
            return new Outcome(delivery, Duration.ZERO, Optional.empty());
        }
    }

    private final JobStore jobs;
    private final JobRunner runner;
    private final DemoFinisher finisher;
    private final ChatAgent chat;
    private final ReadinessPacer pacer;
    private final WorkerIdentity worker;
    private final Clock clock;
    private final Duration lease;
    private final Duration maxDeferral;
    private final TaskQueue queue;

    public ReadinessHandler(
            JobStore jobs,
            TaskQueue queue,
            JobRunner runner,
            DemoFinisher finisher,
            ChatAgent chat,
            ReadinessPacer pacer,
            WorkerIdentity worker,
            PlatformConfig config,
            Clock clock) {
        this.jobs = jobs;
        this.queue = queue;
        this.runner = runner;
        this.finisher = finisher;
        this.chat = chat;
        this.pacer = pacer;
        this.worker = worker;
        this.clock = clock;
        this.lease = config.lease().duration();
        this.maxDeferral = config.queue().custom().maxDeferral();
    }

    /**
     * Runs one delivery. When the chat quota has no room, the job is released and handed back to the queue to deliver
     * again after the wait ({@link TaskQueue#defer}), which uses none of the queue's attempts; once the deferrals since
     * the first would pass platform.queue.custom.max-deferral, the job fails with that reason instead.
     *
     * @throws ApiProblem 422 when the job is not a readiness job (it is neither claimed nor touched)
     */
    public Outcome handle(TaskDelivery task) {
        String jobId = task.jobId();
        Optional<Job> job = jobs.find(jobId);
        if (job.isPresent() && job.get().type() != JobType.READINESS) {
            throw ApiProblem.invalid("job_id", "is a " + job.get().type().wire() + " job, not a readiness job");
        }
        Delivery delivery = new Delivery(task);
        DeliveryOutcome outcome = runner.handle(jobId, Map.of(), delivery);
        if (outcome != DeliveryOutcome.RETRY || delivery.retryAfter.isZero()) {
            return Outcome.of(outcome);
        }
        // the runner has released the job: the next delivery, or a redelivery of this one, can claim it
        try {
            TaskQueue.Deferral deferral = queue.defer(task, delivery.retryAfter);
            if (deferral instanceof TaskQueue.Deferral.Rescheduled next) {
                Log.infof("readiness job %s deferred to task %s at %s", jobId, next.taskName(), next.at());
                return new Outcome(DeliveryOutcome.DONE, Duration.ZERO, Optional.of(next));
            }
            return new Outcome(
                    DeliveryOutcome.RETRY,
                    ((TaskQueue.Deferral.AskAgainAfter) deferral).retryAfter(),
                    Optional.empty());
        } catch (RuntimeException e) {
            Log.warnf(
                    "could not defer readiness job %s (%s); the queue retries this delivery as a failed attempt",
                    jobId, JobErrors.describe(e));
            return new Outcome(DeliveryOutcome.RETRY, delivery.retryAfter, Optional.empty());
        }
    }

    /** One delivery's work: it remembers the wait a used-up quota asked for, for the answer's Retry-After. */
    private final class Delivery implements JobWork {

        private final TaskDelivery task;
        private Duration retryAfter = Duration.ZERO;

        Delivery(TaskDelivery task) {
            this.task = task;
        }

        @Override
        public Tags metricTags(Job job) {
            return Tags.of("type", job.type().wire(), "template", "readiness");
        }

        @Override
        public Completion perform(Job job) {
            if (!(job.payload() instanceof JobPayload.Readiness readiness)) {
                throw new IllegalArgumentException(
                        "job " + job.jobId() + " is a " + job.type().wire() + " job");
            }
            String demoId = readiness.demoId();
            try (LeaseKeeper keeper = new LeaseKeeper(jobs, job.jobId(), worker.id(), lease)) {
                Optional<Readiness> score = score(demoId);
                keeper.check();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("demo_id", demoId);
                if (score.isEmpty()) {
                    result.put("scored", false);
                    return new Completion(result, "Demo " + demoId + " is not ready; nothing to score");
                }
                result.put("scored", true);
                result.put("readiness", score.get().score());
                return new Completion(
                        result,
                        String.format(
                                "Readiness of %s: %.1f%% (%d of %d golden questions)",
                                demoId,
                                score.get().score(),
                                score.get().passed(),
                                score.get().total()));
            }
        }

        @Override
        public FailureVerdict judge(Job job, RuntimeException failure) {
            ChatQuotaExhaustedException quota = quotaIn(failure);
            if (quota != null) {
                Instant now = clock.instant();
                Instant since = task.deferredSince().orElse(now);
                Duration deferred = Duration.between(since, now).plus(quota.retryAfter());
                if (deferred.compareTo(maxDeferral) > 0) {
                    return FailureVerdict.permanent(String.format(
                            "the chat quota had no room for readiness scoring: deferred %d times since %s, and "
                                    + "waiting %d s more would pass platform.queue.custom.max-deferral (%s)",
                            task.deferrals(), since, quota.retryAfterSeconds(), maxDeferral));
                }
                retryAfter = quota.retryAfter();
                return FailureVerdict.deferred("The chat quota is used up; scoring again in "
                        + quota.retryAfterSeconds() + " s or later (waiting uses no attempt)");
            }
            if (failure instanceof IllegalArgumentException) {
                return FailureVerdict.permanent(JobErrors.describe(failure));
            }
            Log.warnf(failure, "readiness attempt %d of job %s failed", job.attempts(), job.jobId());
            String why = JobErrors.describe(failure);
            return FailureVerdict.retry(
                    "Attempt " + job.attempts() + " failed (" + why + "); will retry",
                    "readiness scoring failed after " + job.attempts() + " attempts: " + why);
        }

        @Override
        public void failed(Job job, String reason) {
            Log.warnf(
                    "readiness job %s failed, so the readiness of demo %s stays unknown (the demo stays ready): %s",
                    job.jobId(), job.payload(JobPayload.Readiness.class).demoId(), reason);
        }
    }

    /** Scores the demo with every question paced; empty when the demo is not ready. */
    @WithSpan("readiness")
    Optional<Readiness> score(String demoId) {
        ChatAgent paced = new PacedChat(chat, pacer);
        return finisher.recordReadiness(demoId, (spec, session) -> ReadinessCheck.score(paced, spec, session, clock));
    }

    private static ChatQuotaExhaustedException quotaIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ChatQuotaExhaustedException quota) {
                return quota;
            }
        }
        return null;
    }

    /** The demo's agent, each question after a permit of readiness' share of the chat quota. */
    private record PacedChat(ChatAgent agent, ReadinessPacer pacer) implements ChatAgent {

        @Override
        public ChatAnswer answer(AgentSpec spec, List<ChatTurn> history, String message) {
            pacer.acquire();
            return agent.answer(spec, history, message);
        }

        @Override
        public ChatAnswer answer(AgentSpec spec, List<ChatTurn> history, String message, QuerySession session) {
            pacer.acquire();
            return agent.answer(spec, history, message, session);
        }
    }
}
