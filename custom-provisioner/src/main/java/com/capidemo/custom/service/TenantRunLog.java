package com.capidemo.custom.service;

import com.capidemo.core.domain.DqResult;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.StepRecord;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.StepStore;
import com.capidemo.core.port.Warehouse;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a finished pipeline run into the tenant's own dataset (seeds 002/003): one pipeline_runs row, a step_logs row
 * per step and the dq_results of its checks. Each batch is keyed by the run id, so writing again after a crash stores
 * nothing twice.
 */
@ApplicationScoped
public class TenantRunLog {

    private final Warehouse warehouse;
    private final Clock clock;
    private final StepStore steps;

    public TenantRunLog(Warehouse warehouse, StepStore steps, Clock clock) {
        this.clock = clock;
        this.warehouse = warehouse;
        this.steps = steps;
    }

    public void record(Job job, String datasetId, String status, String error) {
        try {
            String runId = job.jobId();
            List<StepRecord> records = steps.list(runId);
            warehouse.appendRows(datasetId, "pipeline_runs", runId + "-run", List.of(runRow(job, status, error)));
            List<Map<String, Object>> stepRows = new ArrayList<>();
            List<Map<String, Object>> dqRows = new ArrayList<>();
            for (StepRecord r : records) {
                stepRows.add(stepRow(runId, r));
                int i = 0;
                for (DqResult dq : r.summary().dqResults()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("table_name", dq.tableName());
                    row.put("check_name", dq.checkName());
                    row.put("check_type", dq.checkType());
                    row.put("status", dq.status());
                    row.put("observed_value", dq.observedValue());
                    row.put("expected_value", dq.expectedValue());
                    row.put("checked_at", Instant.parse(dq.checkedAt()));
                    row.put("dq_result_id", runId + "-" + r.stepId() + "-" + i++);
                    row.put("pipeline_logging_id", runId);
                    dqRows.add(row);
                }
            }
            warehouse.appendRows(datasetId, "step_logs", runId + "-steps", stepRows);
            warehouse.appendRows(datasetId, "dq_results", runId + "-dq", dqRows);
        } catch (RuntimeException e) {
            // The run's outcome is already in the job store; the tenant copy is best effort and logged.
            Log.warnf(e, "could not write run %s to tenant dataset %s", job.jobId(), datasetId);
        }
    }

    private Map<String, Object> runRow(Job job, String status, String error) {
        JobPayload.Pipeline run = job.payload(JobPayload.Pipeline.class);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pipeline_logging_id", job.jobId());
        row.put("pipeline_id", run.pipelineId());
        row.put("tenant_id", job.tenantId());
        row.put("provider", run.provider());
        row.put("domain", run.domain());
        row.put("template_name", run.templateName());
        row.put("status", status);
        row.put("trigger_by", run.triggerBy());
        row.put("run_date", run.date());
        row.put("parameters", Json.write(job.payload()));
        row.put("start_time", job.startedAt() == null ? job.createdAt() : job.startedAt());
        row.put("end_time", clock.instant());
        row.put("error_message", error);
        return row;
    }

    private static Map<String, Object> stepRow(String runId, StepRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step_log_id", runId + "-" + r.stepId());
        row.put("pipeline_logging_id", runId);
        row.put("step_id", r.stepId());
        row.put("step_type", r.type());
        row.put("status", r.status().wire().toUpperCase(Locale.ROOT));
        row.put("start_time", r.startedAt());
        row.put("end_time", r.endedAt());
        row.put("rows_processed", r.summary().rowsProcessed());
        row.put(
                "message",
                r.error() != null
                        ? r.error()
                        : r.logs().isEmpty()
                                ? null
                                : r.logs().get(r.logs().size() - 1).message());
        return row;
    }
}
