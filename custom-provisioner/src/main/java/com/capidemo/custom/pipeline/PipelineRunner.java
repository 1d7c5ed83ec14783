package com.capidemo.custom.pipeline;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.StepRecord;
import com.capidemo.core.pipeline.PipelineDefinition;
import com.capidemo.core.pipeline.StepDefinition;
import com.capidemo.core.port.StepStore;
import com.capidemo.core.service.JobErrors;
import com.capidemo.core.service.LeaseLostException;
import com.capidemo.custom.pipeline.StepContext.StepOutput;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Runs a pipeline's steps in order with a checkpoint around each: a step's output, log and timing are stored before
 * the next step starts, so a crashed or retried run resumes at the first unfinished step and never repeats a finished
 * one (its stored output is handed to the later steps instead). Progress is finished steps / all steps.
 */
@ApplicationScoped
public class PipelineRunner {

    /** Output key by which a step (e.g. a failed data-quality check) stops the pipeline after itself. */
    public static final String HALT = "halt";

    private final StepStore checkpoints;
    private final Clock clock;
    private final StepRegistry registry;

    public PipelineRunner(StepStore checkpoints, StepRegistry registry, Clock clock) {
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.registry = registry;
    }

    /** @return every step's output by step id, in pipeline order */
    public Map<String, StepOutput> run(
            Job job, String owner, PipelineDefinition pipeline, Map<String, String> variables, LeaseKeeper lease) {
        registry.validate(pipeline);
        Map<String, StepRecord> stored = new LinkedHashMap<>();
        checkpoints.list(job.jobId()).forEach(r -> stored.put(r.stepId(), r));
        Map<String, StepOutput> outputs = new LinkedHashMap<>();
        List<StepDefinition> steps = pipeline.steps();
        int total = steps.size();
        for (int i = 0; i < total; i++) {
            StepDefinition step = steps.get(i);
            StepRecord done = stored.get(step.id());
            if (done != null && done.completed()) {
                outputs.put(step.id(), new StepOutput(step.type(), done.output()));
                if (done.summary().halt() != null) {
                    throw new PipelineHaltedException(step.id(), done.summary().halt());
                }
                continue; // finished by an earlier attempt: never run twice
            }
            Map<String, Object> output = runStep(job, owner, step, i, total, variables, outputs, lease);
            outputs.put(step.id(), new StepOutput(step.type(), output));
            if (output.get(HALT) != null) {
                throw new PipelineHaltedException(step.id(), String.valueOf(output.get(HALT)));
            }
        }
        return outputs;
    }

    private Map<String, Object> runStep(
            Job job,
            String owner,
            StepDefinition step,
            int index,
            int total,
            Map<String, String> variables,
            Map<String, StepOutput> earlier,
            LeaseKeeper lease) {
        if (!checkpoints.start(job.jobId(), step.id(), index, step.type(), owner, clock.instant())) {
            throw new LeaseLostException(job.jobId());
        }
        String progressLine = "Step " + (index + 1) + "/" + total + " " + step.id() + " (" + step.type() + ") started";
        lease.report(100 * index / total, step.id(), List.of(JobLog.info(clock.instant(), progressLine)));
        MDC.put("step_id", step.id());
        StepContext context = new StepContext(job, step, variables, Map.copyOf(earlier), lease, clock);
        long started = System.nanoTime();
        try {
            Map<String, Object> output = registry.get(step.type()).run(context);
            lease.check();
            long millis = (System.nanoTime() - started) / 1_000_000;
            context.log("finished in " + millis + " ms");
            if (!checkpoints.complete(
                    job.jobId(),
                    step.id(),
                    owner,
                    output == null ? Map.of() : output,
                    context.logs(),
                    clock.instant())) {
                throw new LeaseLostException(job.jobId());
            }
            List<JobLog> lines = new ArrayList<>(context.logs());
            lease.report(100 * (index + 1) / total, step.id(), lines);
            return output == null ? Map.of() : output;
        } catch (LeaseLostException e) {
            throw e;
        } catch (Exception e) {
            Log.warnf(e, "step %s of job %s failed", step.id(), job.jobId());
            String reason = JobErrors.describe(e);
            context.warn("failed: " + reason);
            checkpoints.fail(job.jobId(), step.id(), owner, reason, context.logs(), clock.instant());
            throw new StepFailedException(step.id(), e);
        } finally {
            MDC.remove("step_id");
        }
    }
}
