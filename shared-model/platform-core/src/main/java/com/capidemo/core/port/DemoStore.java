package com.capidemo.core.port;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoCount;
import com.capidemo.core.domain.DemoCursor;
import com.capidemo.core.domain.DemoFilter;
import com.capidemo.core.domain.DemoStats;
import com.capidemo.core.domain.DemoSummary;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Readiness;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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

    /**
     * A number that changes whenever any of the tenant's demos is written (created, updated or removed), by any
     * process, so a list or count read earlier is still current while it is unchanged. Empty when this store does
     * not keep one: every read must then go to the store.
     */
    OptionalLong changeVersion(String tenantId);

    /** provisioning|failed → ready with the dataset, agent, golden queries and metadata recorded. */
    boolean markReady(
            String demoId,
            String datasetId,
            String agentId,
            List<GoldenQuery> goldenQueries,
            Map<String, Object> metadata);

    /**
     * Replaces a ready demo's golden queries (its talk track) with {@code replacement}, only if they are still
     * {@code expected} at the moment of the write (compare and set: two editors never lose each other's edit). The
     * set a template's demos share is never changed: the demo's first edit gives it a set of its own (copy on write),
     * stored once like every set. False when the demo is missing, not ready, or its queries are no longer
     * {@code expected}. One conditional write; list items and dashboards do not change.
     */
    boolean replaceGoldenQueries(String demoId, List<GoldenQuery> expected, List<GoldenQuery> replacement);

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

    // ----- lifecycle (archival, restore, leftovers, counts) -----

    /**
     * Ready, unpinned demos last used at or before {@code usedAtOrBefore}, ordered by (last_used, demo_id), after
     * {@code after}: one page of the archival and warning scans (an index on (status, last_used)).
     */
    List<Demo> scanReadyUnused(Instant usedAtOrBefore, Optional<Keyset> after, int limit);

    /** Archived demos archived at or before {@code archivedAtOrBefore}, ordered by (archived_at, demo_id). */
    List<Demo> scanArchived(Instant archivedAtOrBefore, Optional<Keyset> after, int limit);

    /**
     * Failed demos that failed at or before {@code failedAtOrBefore} and whose dataset was not yet cleaned up
     * ({@link #markLeftoverCleaned}), ordered by demo_id; the keyset's time is ignored.
     */
    List<Demo> scanFailedLeftovers(Instant failedAtOrBefore, Optional<Keyset> after, int limit);

    /**
     * ready → archived (archived_at = {@code now}, dataset kept), only if at the moment of the write the demo is still
     * ready, unpinned, last used at or before {@code usedAtOrBefore} and not on a template dataset (a dataset id
     * starting with {@code templateDatasetPrefix}). False when any of that no longer holds or another run won.
     */
    boolean archive(String demoId, Instant usedAtOrBefore, String templateDatasetPrefix, Instant now);

    /**
     * archived → ready with last_used = {@code now} and archived_at cleared; false when the demo is not archived or its
     * deletion has started ({@link #startDeletion}).
     */
    boolean restore(String demoId, Instant now);

    /**
     * Marks an archived demo archived at or before {@code archivedAtOrBefore} as being deleted (deletion_started_at,
     * kept if already set), so that from this write on it can no longer be restored while its dataset and agent are
     * dropped; {@link #markDeleted} finishes it. True when the demo is (now or already) marked; false when it is not
     * archived or was archived after the cutoff. One conditional write.
     */
    boolean startDeletion(String demoId, Instant archivedAtOrBefore, Instant now);

    /** Records that a failed demo's leftover dataset was dropped; false when it was already recorded or not failed. */
    boolean markLeftoverCleaned(String demoId, Instant now);

    /** How many demos there are per status, tenant and template. */
    List<DemoCount> countDemos();
}
