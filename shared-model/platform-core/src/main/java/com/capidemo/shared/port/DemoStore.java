package com.capidemo.shared.port;

import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.domain.GoldenQuery;
import com.capidemo.shared.domain.Readiness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Durable demos. */
public interface DemoStore {

    /** Stores a new demo; false when a demo with that id already exists. */
    boolean create(Demo demo);

    Optional<Demo> find(String demoId);

    /** A tenant's demos, newest first. */
    List<Demo> listByTenant(String tenantId, int limit);

    /** provisioning|failed → ready with the dataset, agent, golden queries and metadata recorded. */
    boolean markReady(String demoId, String datasetId, String agentId, List<GoldenQuery> goldenQueries,
                      Map<String, Object> metadata);

    /** provisioning → failed. */
    boolean markFailed(String demoId, String reason);

    /** Records how well the demo's agent answers its golden questions (checked as it becomes ready). */
    boolean recordReadiness(String demoId, Readiness readiness);

    /** Ready demos whose readiness was never scored (the worker stopped before it could), oldest first. */
    List<String> listReadyUnscored(int limit);

    /** Sets last_used (the demo was chatted with or otherwise used), never moving it backwards. */
    boolean touch(String demoId, Instant when);
}
