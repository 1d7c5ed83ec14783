package com.capidemo.core.port;

import com.capidemo.core.domain.GoldenQuery;
import java.util.List;

/** What a data agent is built from: the dataset's tables, its instructions and example queries. */
public record AgentSpec(
        String demoId,
        String tenantId,
        String datasetId,
        List<String> tables,
        String systemInstruction,
        List<GoldenQuery> goldenQueries) {}
