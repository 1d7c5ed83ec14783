package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.instant;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.JobStatus;
import com.capidemo.core.domain.JobType;
import com.capidemo.core.domain.Lease;
import com.capidemo.core.port.ClaimOutcome;
import com.capidemo.core.port.DuplicateJobException;
import com.capidemo.core.port.JobStore;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.Transaction;
import com.google.cloud.firestore.TransactionOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs in Firestore ({@code jobs/{job_id}}). Every change runs in a transaction that re-reads the job
 * and applies the state machine of {@link JobStatus}, so concurrent workers and redeliveries are safe:
 * Firestore retries a transaction whose document changed underneath it.
 */
public class FirestoreJobStore implements JobStore {

    static final String COLLECTION = "jobs";
    static final String LOCKS = "job_locks";
    /** Many creators may race for one exclusive key; the default 5 attempts can run out under that contention. */
    private static final TransactionOptions CONTENDED = TransactionOptions.createReadWriteOptionsBuilder()
            .setNumberOfAttempts(25)
            .build();

    private final Firestore db;
    private final Clock clock;

    public FirestoreJobStore(Firestore db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private DocumentReference ref(String jobId) {
        return db.collection(COLLECTION).document(jobId);
    }

    /**
     * Creates the job; with an exclusive key, in the same transaction, takes {@code job_locks/{key}} unless the job
     * it names is still queued or running. A finished holder's lock is simply taken over, so complete and fail need
     * no extra write. Concurrent creators conflict on the lock document: Firestore retries the losers, who then see
     * the winner.
     */
    @Override
    public boolean create(Job job) {
        String key = job.exclusiveKey();
        try {
            return await(db.runTransaction(
                    tx -> {
                        DocumentSnapshot existing = tx.get(ref(job.jobId())).get();
                        DocumentSnapshot lock =
                                key == null ? null : tx.get(lock(key)).get();
                        if (existing.exists()) {
                            return false;
                        }
                        if (lock != null && lock.exists()) {
                            String holder = lock.getString("job_id");
                            DocumentSnapshot held = tx.get(ref(holder)).get();
                            if (held.exists()
                                    && !JobStatus.fromWire(held.getString("status"))
                                            .isTerminal()) {
                                throw new DuplicateJobException(key, holder);
                            }
                        }
                        if (key != null) {
                            tx.set(
                                    lock(key),
                                    Map.of(
                                            "exclusive_key",
                                            key,
                                            "job_id",
                                            job.jobId(),
                                            "acquired_at",
                                            ts(job.createdAt())));
                        }
                        tx.create(ref(job.jobId()), document(job));
                        return true;
                    },
                    CONTENDED));
        } catch (FirestoreValues.FirestoreException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DuplicateJobException duplicate) {
                    throw duplicate;
                }
            }
            throw e;
        }
    }

    /** Keys may hold '/' (pipeline paths), which a document id cannot. */
    private DocumentReference lock(String exclusiveKey) {
        return db.collection(LOCKS).document(URLEncoder.encode(exclusiveKey, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<Job> find(String jobId) {
        DocumentSnapshot doc = await(ref(jobId).get());
        return doc.exists() ? Optional.of(map(doc)) : Optional.empty();
    }

    @Override
    public List<Job> listByTenant(String tenantId, int limit) {
        return await(db.collection(COLLECTION)
                        .whereEqualTo("tenant_id", tenantId)
                        .orderBy("created_at", Query.Direction.DESCENDING)
                        .limit(limit)
                        .get())
                .getDocuments()
                .stream()
                .map(FirestoreJobStore::map)
                .toList();
    }

    @Override
    public List<Duration> recentQuickDurations(String templateId, int recent) {
        // Only the two timestamps are read (a projection); the composite index is in infra/firestore.indexes.json.
        return await(db.collection(COLLECTION)
                        .whereEqualTo("type", JobType.QUICK.wire())
                        .whereEqualTo("status", JobStatus.COMPLETED.wire())
                        .whereEqualTo("payload.template_id", templateId)
                        .orderBy("completed_at", Query.Direction.DESCENDING)
                        .limit(recent)
                        .select("created_at", "completed_at")
                        .get())
                .getDocuments()
                .stream()
                .map(d -> Duration.between(instant(d, "created_at"), instant(d, "completed_at")))
                .toList();
    }

    @Override
    public Optional<String> activeJobFor(String demoId) {
        for (String field : List.of("demo_id", "source_demo_id")) {
            List<QueryDocumentSnapshot> active = await(db.collection(COLLECTION)
                            .whereEqualTo(field, demoId)
                            .whereIn("status", ACTIVE)
                            .limit(1)
                            .get())
                    .getDocuments();
            if (!active.isEmpty()) {
                return Optional.of(active.get(0).getId());
            }
        }
        return Optional.empty();
    }

    /** Unfinished job states. */
    static final List<Object> ACTIVE = List.of(JobStatus.QUEUED.wire(), JobStatus.RUNNING.wire());

    @Override
    public ClaimOutcome claim(String jobId, String owner, Duration leaseDuration) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(jobId)).get();
            if (!doc.exists()) {
                return ClaimOutcome.of(ClaimOutcome.Kind.NOT_FOUND, null);
            }
            Job job = map(doc);
            Instant now = clock.instant();
            if (job.status().isTerminal()) {
                return ClaimOutcome.of(ClaimOutcome.Kind.ALREADY_FINISHED, job);
            }
            if (job.status() == JobStatus.RUNNING
                    && job.lease() != null
                    && job.lease().isLiveAt(now)) {
                return ClaimOutcome.of(ClaimOutcome.Kind.LEASED_BY_OTHER, job);
            }
            job.status().moveTo(JobStatus.RUNNING);
            Map<String, Object> update = new HashMap<>();
            update.put("status", JobStatus.RUNNING.wire());
            update.put("lease", Map.of("owner", owner, "expires_at", ts(now.plus(leaseDuration))));
            update.put("attempts", job.attempts() + 1);
            update.put("current_phase", "claimed");
            update.put("updated_at", ts(now));
            if (job.startedAt() == null) {
                update.put("started_at", ts(now));
            }
            update.put("logs", appended(job, List.of(JobLog.info(now, "Claimed by worker " + owner))));
            tx.update(ref(jobId), update);
            return ClaimOutcome.of(ClaimOutcome.Kind.CLAIMED, map(doc, update));
        }));
    }

    @Override
    public boolean heartbeat(
            String jobId, String owner, Duration leaseDuration, int progress, String phase, List<JobLog> logs) {
        return updateHeld(jobId, owner, JobStatus.RUNNING, (job, now) -> {
            Map<String, Object> update = new HashMap<>();
            update.put("lease", Map.of("owner", owner, "expires_at", ts(now.plus(leaseDuration))));
            update.put("progress", Math.max(job.progress(), progress));
            update.put("current_phase", phase);
            update.put("logs", appended(job, logs));
            return update;
        });
    }

    @Override
    public boolean release(String jobId, String owner, JobLog log) {
        return updateHeld(jobId, owner, JobStatus.RUNNING, (job, now) -> {
            Map<String, Object> update = new HashMap<>();
            update.put("lease", Map.of("owner", owner, "expires_at", ts(now)));
            update.put("current_phase", "retrying");
            update.put("logs", appended(job, log == null ? List.of() : List.of(log)));
            return update;
        });
    }

    @Override
    public boolean releaseDeferred(String jobId, String owner, JobLog log) {
        // The lease is removed, owner and all, so a second call for the same claim finds nothing to release.
        return updateHeld(jobId, owner, JobStatus.RUNNING, (job, now) -> {
            Map<String, Object> update = new HashMap<>();
            update.put("lease", null);
            update.put("attempts", Math.max(job.attempts() - 1, 0));
            update.put("current_phase", "deferred");
            update.put("logs", appended(job, log == null ? List.of() : List.of(log)));
            return update;
        });
    }

    @Override
    public boolean complete(String jobId, String owner, Map<String, Object> result, JobLog log) {
        return updateHeld(jobId, owner, JobStatus.COMPLETED, (job, now) -> {
            Map<String, Object> update = new HashMap<>();
            update.put("status", JobStatus.COMPLETED.wire());
            update.put("progress", 100);
            update.put("current_phase", "completed");
            update.put("result", result);
            update.put("lease", null);
            update.put("completed_at", ts(now));
            update.put("logs", appended(job, log == null ? List.of() : List.of(log)));
            return update;
        });
    }

    @Override
    public boolean fail(String jobId, String owner, String error) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(jobId)).get();
            if (!doc.exists()) {
                return false;
            }
            Job job = map(doc);
            boolean ownerOk = owner == null
                    || (job.lease() != null && owner.equals(job.lease().owner()));
            if (!job.status().canMoveTo(JobStatus.FAILED) || !ownerOk) {
                return false;
            }
            Instant now = clock.instant();
            Map<String, Object> update = new HashMap<>();
            update.put("status", JobStatus.FAILED.wire());
            update.put("current_phase", "failed");
            update.put("error", error);
            update.put("lease", null);
            update.put("updated_at", ts(now));
            update.put("completed_at", ts(now));
            update.put("logs", appended(job, List.of(new JobLog(now, "ERROR", "Job failed: " + error))));
            tx.update(ref(jobId), update);
            return true;
        }));
    }

    @Override
    public List<Job> unfinishedCreatedBefore(Instant createdAtOrBefore, int limit) {
        // composite index jobs (status, created_at) in infra/firestore.indexes.json
        return await(db.collection(COLLECTION)
                        .whereIn("status", ACTIVE)
                        .whereLessThanOrEqualTo("created_at", ts(createdAtOrBefore))
                        .orderBy("created_at", Query.Direction.ASCENDING)
                        .limit(limit)
                        .get())
                .getDocuments()
                .stream()
                .map(FirestoreJobStore::map)
                .toList();
    }

    @Override
    public boolean failAbandoned(String jobId, String error) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot doc = tx.get(ref(jobId)).get();
            if (!doc.exists()) {
                return false;
            }
            Job job = map(doc);
            Instant now = clock.instant();
            boolean held = job.status() == JobStatus.RUNNING
                    && job.lease() != null
                    && job.lease().expiresAt() != null
                    && job.lease().isLiveAt(now);
            if (!job.status().canMoveTo(JobStatus.FAILED) || held) {
                return false;
            }
            Map<String, Object> update = new HashMap<>();
            update.put("status", JobStatus.FAILED.wire());
            update.put("current_phase", "failed");
            update.put("error", error);
            update.put("lease", null);
            update.put("updated_at", ts(now));
            update.put("completed_at", ts(now));
            update.put("logs", appended(job, List.of(new JobLog(now, "ERROR", "Job failed: " + error))));
            tx.update(ref(jobId), update);
            return true;
        }));
    }

    @FunctionalInterface
    private interface Change {
        Map<String, Object> apply(Job job, Instant now);
    }

    /** A transactional change allowed only to the lease holder of a running job moving to {@code target}. */
    private boolean updateHeld(String jobId, String owner, JobStatus target, Change change) {
        return await(db.runTransaction((Transaction tx) -> {
            DocumentSnapshot doc = tx.get(ref(jobId)).get();
            if (!doc.exists()) {
                return false;
            }
            Job job = map(doc);
            if (!job.status().canMoveTo(target)
                    || job.lease() == null
                    || !owner.equals(job.lease().owner())) {
                return false;
            }
            Instant now = clock.instant();
            Map<String, Object> update = change.apply(job, now);
            update.put("updated_at", ts(now));
            tx.update(ref(jobId), update);
            return true;
        }));
    }

    private static List<Map<String, Object>> appended(Job job, List<JobLog> more) {
        List<JobLog> all = new ArrayList<>(job.logs());
        all.addAll(more);
        List<Map<String, Object>> logs = new ArrayList<>();
        for (JobLog l : capped(all)) {
            logs.add(log(l));
        }
        return logs;
    }

    /** Most log lines a job document keeps: with messages capped too, far below Firestore's 1 MiB per document. */
    static final int MAX_LOGS = 200;

    static final int MAX_MESSAGE = 2_000;
    static final String DROPPED =
            "… earlier log lines dropped: a job keeps its first line and its latest " + (MAX_LOGS - 2);

    /**
     * The log lines a job document keeps: all of them up to {@link #MAX_LOGS}; beyond that the first line (the job
     * accepted), a line saying lines were dropped, and the latest ones. Each message is cut at {@link #MAX_MESSAGE}
     * characters. Progress lives in the job's own fields, so nothing a reader needs is lost.
     */
    static List<JobLog> capped(List<JobLog> logs) {
        List<JobLog> out = new ArrayList<>();
        if (logs.size() <= MAX_LOGS) {
            logs.forEach(l -> out.add(shortened(l)));
            return out;
        }
        List<JobLog> rest = logs.subList(1, logs.size()).stream()
                .filter(l -> !DROPPED.equals(l.message()))
                .toList();
        List<JobLog> latest = rest.subList(rest.size() - (MAX_LOGS - 2), rest.size());
        out.add(shortened(logs.get(0)));
        out.add(new JobLog(latest.get(0).ts(), "WARN", DROPPED));
        latest.forEach(l -> out.add(shortened(l)));
        return out;
    }

    private static JobLog shortened(JobLog l) {
        String m = l.message();
        return m != null && m.length() > MAX_MESSAGE
                ? new JobLog(l.ts(), l.level(), m.substring(0, MAX_MESSAGE) + "…")
                : l;
    }

    private static Map<String, Object> log(JobLog l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ts", ts(l.ts()));
        m.put("level", l.level());
        m.put("message", l.message());
        return m;
    }

    static Map<String, Object> document(Job job) {
        Map<String, Object> d = new HashMap<>();
        d.put("job_id", job.jobId());
        d.put("demo_id", job.demoId());
        d.put("tenant_id", job.tenantId());
        d.put("type", job.type().wire());
        d.put("status", job.status().wire());
        d.put("progress", job.progress());
        d.put("current_phase", job.currentPhase());
        d.put("logs", appended(job, List.of()));
        d.put("error", job.error());
        d.put("result", job.result());
        d.put("attempts", job.attempts());
        d.put(
                "lease",
                job.lease() == null
                        ? null
                        : Map.of(
                                "owner",
                                job.lease().owner(),
                                "expires_at",
                                ts(job.lease().expiresAt())));
        d.put("payload", job.payload() == null ? null : job.payload().toMap());
        d.put("created_at", ts(job.createdAt()));
        d.put("started_at", ts(job.startedAt()));
        d.put("updated_at", ts(job.updatedAt()));
        d.put("completed_at", ts(job.completedAt()));
        d.put("created_by", job.createdBy());
        d.put("source_demo_id", job.sourceDemoId());
        return d;
    }

    private static Job map(DocumentSnapshot doc) {
        return map(doc, Map.of());
    }

    /** The job as stored, with {@code update} applied on top (to answer a claim without a re-read). */
    @SuppressWarnings("unchecked")
    private static Job map(DocumentSnapshot doc, Map<String, Object> update) {
        Map<String, Object> d = new HashMap<>(doc.getData());
        d.putAll(update);
        Map<String, Object> lease = (Map<String, Object>) d.get("lease");
        List<JobLog> logs = new ArrayList<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) d.getOrDefault("logs", List.of())) {
            logs.add(new JobLog(instant(l.get("ts")), (String) l.get("level"), (String) l.get("message")));
        }
        JobType type = JobType.fromWire((String) d.get("type"));
        return new Job(
                (String) d.get("job_id"),
                (String) d.get("demo_id"),
                (String) d.get("tenant_id"),
                type,
                JobStatus.fromWire((String) d.get("status")),
                number(d.get("progress")),
                (String) d.get("current_phase"),
                logs,
                (String) d.get("error"),
                (Map<String, Object>) d.get("result"),
                number(d.get("attempts")),
                lease == null ? null : new Lease((String) lease.get("owner"), instant(lease.get("expires_at"))),
                JobPayload.read(type, (Map<String, Object>) d.get("payload")),
                instant(d.get("created_at")),
                instant(d.get("started_at")),
                instant(d.get("updated_at")),
                instant(d.get("completed_at")),
                (String) d.get("created_by"));
    }

    private static int number(Object v) {
        return v instanceof Number n ? n.intValue() : 0;
    }
}
