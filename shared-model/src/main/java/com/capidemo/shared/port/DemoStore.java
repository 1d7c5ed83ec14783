package com.capidemo.shared.port;

import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.domain.GoldenQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Durable demos. */
public interface DemoStore {

    Optional<Demo> find(String demoId);

    /** A tenant's demos, newest first. */
    List<Demo> listByTenant(String tenantId, int limit);

    /** provisioning|failed → ready with the dataset, agent, golden queries and metadata recorded. */
    boolean markReady(String demoId, String datasetId, String agentId, List<GoldenQuery> goldenQueries,
                      Map<String, Object> metadata);

    /** provisioning → failed. */
    boolean markFailed(String demoId, String reason);
}
