package com.capidemo.shared.port;

import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.domain.DemoCursor;
import com.capidemo.shared.domain.DemoFilter;
import com.capidemo.shared.domain.DemoStats;
import com.capidemo.shared.domain.DemoSummary;
import com.capidemo.shared.domain.GoldenQuery;
import com.capidemo.shared.domain.Readiness;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Durable demos. */
public interface DemoStore {

    /** Stores a new demo; false when a demo with that id already exists. */
    boolean create(Demo demo);

    Optional<Demo> find(String demoId);

    /**
     * One page of a tenant's demos as list items, ordered by (created_at DESC, demo_id DESC): at most {@code limit},
     * starting after {@code after}. Each page is an index range read: no offset, no ceiling on how deep a page is.
     */
    List<DemoSummary> list(String tenantId, DemoFilter filter, Optional<DemoCursor> after, int limit);

    /**
     * Counts over {@code createdBy}'s demos of the tenant that are not deleted, by count queries (never by loading
     * demos): created since {@code since}, pinned, per status, per template of {@code templateIds} and custom.
     */
    DemoStats stats(String tenantId, String createdBy, Instant since, Collection<String> templateIds);

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

    /**
     * Pins (pinned_at = at, kept when it was pinned already) or unpins (pinned_at cleared) a demo that is not
     * deleted; false for a missing or deleted demo.
     */
    boolean setPinned(String demoId, boolean pinned, Instant at);

    /** What {@link #markDeleted} did. */
    enum DeleteOutcome {
        /** The demo moved to deleted now. */
        DELETED,
        /** It was deleted before: nothing changed. */
        ALREADY_DELETED,
        /** No such demo. */
        NOT_FOUND,
        /** It is provisioning and a job still works on it. */
        BUSY
    }

    /**
     * ready|archived|failed, or provisioning with no queued or running job for it → deleted: {@code deleted_at}
     * recorded, dataset_id and agent_id cleared, the record kept. One conditional write.
     */
    DeleteOutcome markDeleted(String demoId, Instant deletedAt);
}
