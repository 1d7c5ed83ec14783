package com.capidemo.core.domain;

import com.capidemo.core.json.Json;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The typed part of a step's checkpointed output that the platform itself reads (run status, the tenant's run log,
 * the job result, a halted run); a step's own documents (profile, schema, use cases) stay in the output as they are.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepSummary(
        Long rowsProcessed,
        List<DqResult> dqResults,
        String datasetId,
        String agentId,
        Integer tableCount,
        Long totalRows,
        String halt) {

    public StepSummary {
        dqResults = dqResults == null ? List.of() : List.copyOf(dqResults);
    }

    public static StepSummary of(Map<String, Object> output) {
        return output == null || output.isEmpty()
                ? new StepSummary(null, null, null, null, null, null, null)
                : Json.MAPPER.convertValue(output, StepSummary.class);
    }
}
