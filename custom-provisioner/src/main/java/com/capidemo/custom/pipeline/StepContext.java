package com.capidemo.custom.pipeline;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.json.Json;
import com.capidemo.core.pipeline.PipelineException;
import com.capidemo.core.pipeline.StepDefinition;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a running step sees: its job, its settings, the outputs of the steps before it, and its log. */
public final class StepContext {

    private final Job job;
    private final Clock clock;
    private final StepDefinition step;
    private final Map<String, String> variables;
    private final Map<String, StepOutput> earlier;
    private final LeaseKeeper lease;
    private final List<JobLog> logs = new ArrayList<>();

    /** The output of a finished step together with its type. */
    public record StepOutput(String type, Map<String, Object> output) {}

    public StepContext(
            Job job,
            StepDefinition step,
            Map<String, String> variables,
            Map<String, StepOutput> earlier,
            LeaseKeeper lease,
            Clock clock) {
        this.clock = clock;
        this.job = job;
        this.step = step;
        this.variables = variables;
        this.earlier = earlier;
        this.lease = lease;
    }

    public Job job() {
        return job;
    }

    public StepDefinition step() {
        return step;
    }

    public Map<String, String> variables() {
        return variables;
    }

    public String variable(String name) {
        return variables.get(name);
    }

    public void log(String message) {
        add("INFO", message);
    }

    public void warn(String message) {
        add("WARN", message);
    }

    private void add(String level, String message) {
        logs.add(new JobLog(clock.instant(), level, step.id() + ": " + message));
        Log.infof("[%s] %s", step.id(), message);
    }

    public List<JobLog> logs() {
        return List.copyOf(logs);
    }

    /** Stops the step when this worker lost the job's lease, so it does not keep working for nothing. */
    public void checkLease() {
        lease.check();
    }

    /**
     * The output {@code key} of the latest earlier step of its type, converted to its type; a missing step or output is
     * a pipeline error.
     */
    public <T> T outputOf(StepKey<T> key) {
        String stepType = key.stepType();
        StepOutput found = earlier.values().stream()
                .filter(o -> o.type().equals(stepType))
                .reduce((a, b) -> b)
                .orElseThrow(() ->
                        new PipelineException("step '" + step.id() + "' needs an earlier '" + stepType + "' step"));
        Object value = found.output().get(key.key());
        if (value == null) {
            throw new PipelineException(
                    "step '" + step.id() + "': the '" + stepType + "' step produced no '" + key.key() + "'");
        }
        return Json.MAPPER.convertValue(value, key.type());
    }
}
