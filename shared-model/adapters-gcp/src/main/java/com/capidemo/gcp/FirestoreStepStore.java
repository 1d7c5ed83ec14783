package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.instant;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.JobLog;
import com.capidemo.core.domain.StepRecord;
import com.capidemo.core.domain.StepStatus;
import com.capidemo.core.port.StepStore;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step checkpoints as the subcollection {@code jobs/{job_id}/steps/{step_id}}: they live and are deleted with their
 * job, and listing by position needs only the automatic single-field index. Every write is a transaction that first
 * reads the job, so a worker that lost the lease cannot write, and a completed step is never written again.
 */
public class FirestoreStepStore implements StepStore {

    private final Firestore db;

    public FirestoreStepStore(Firestore db) {
        this.db = db;
    }

    private DocumentReference job(String jobId) {
        return db.collection(FirestoreJobStore.COLLECTION).document(jobId);
    }

    private DocumentReference step(String jobId, String stepId) {
        return job(jobId).collection("steps").document(stepId);
    }

    @Override
    public List<StepRecord> list(String jobId) {
        return await(job(jobId).collection("steps").orderBy("position").get()).getDocuments().stream()
                .map(FirestoreStepStore::map)
                .toList();
    }

    @Override
    public boolean start(String jobId, String stepId, int position, String type, String owner, Instant now) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot step = tx.get(step(jobId, stepId)).get();
            if (!holdsLease(tx, jobId, owner)) {
                return false;
            }
            Map<String, Object> update = new HashMap<>();
            update.put("status", StepStatus.RUNNING.wire());
            update.put("started_at", ts(now));
            update.put("ended_at", null);
            update.put("error", null);
            if (!step.exists()) {
                update.put("job_id", jobId);
                update.put("step_id", stepId);
                update.put("position", position);
                update.put("type", type);
                update.put("attempts", 1);
                update.put("output", null);
                update.put("logs", List.of());
                tx.create(step(jobId, stepId), update);
                return true;
            }
            if (StepStatus.COMPLETED.wire().equals(step.getString("status"))) {
                return false;
            }
            update.put("attempts", number(step.get("attempts")) + 1);
            tx.update(step(jobId, stepId), update);
            return true;
        }));
    }

    @Override
    public boolean complete(
            String jobId, String stepId, String owner, Map<String, Object> output, List<JobLog> logs, Instant now) {
        return finish(jobId, stepId, owner, StepStatus.COMPLETED, output, null, logs, now);
    }

    @Override
    public boolean fail(String jobId, String stepId, String owner, String error, List<JobLog> logs, Instant now) {
        return finish(jobId, stepId, owner, StepStatus.FAILED, null, error, logs, now);
    }

    private boolean finish(
            String jobId,
            String stepId,
            String owner,
            StepStatus status,
            Map<String, Object> output,
            String error,
            List<JobLog> logs,
            Instant now) {
        return await(db.runTransaction(tx -> {
            DocumentSnapshot step = tx.get(step(jobId, stepId)).get();
            if (!holdsLease(tx, jobId, owner)
                    || !step.exists()
                    || !StepStatus.RUNNING.wire().equals(step.getString("status"))) {
                return false;
            }
            Map<String, Object> update = new HashMap<>();
            update.put("status", status.wire());
            update.put("output", output);
            update.put("error", error);
            update.put(
                    "logs",
                    logs == null
                            ? List.of()
                            : logs.stream().map(FirestoreStepStore::log).toList());
            update.put("ended_at", ts(now));
            tx.update(step(jobId, stepId), update);
            return true;
        }));
    }

    /** The same check as the SQLite store: the job is running and leased to {@code owner}. */
    @SuppressWarnings("unchecked")
    private boolean holdsLease(Transaction tx, String jobId, String owner) throws Exception {
        DocumentSnapshot job = tx.get(job(jobId)).get();
        if (!job.exists() || !"running".equals(job.getString("status"))) {
            return false;
        }
        Map<String, Object> lease = (Map<String, Object>) job.get("lease");
        return lease != null && owner != null && owner.equals(lease.get("owner"));
    }

    private static Map<String, Object> log(JobLog l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ts", ts(l.ts()));
        m.put("level", l.level());
        m.put("message", l.message());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static StepRecord map(DocumentSnapshot doc) {
        List<JobLog> logs = new ArrayList<>();
        Object stored = doc.get("logs");
        for (Map<String, Object> l :
                stored == null ? List.<Map<String, Object>>of() : (List<Map<String, Object>>) stored) {
            logs.add(new JobLog(instant(l.get("ts")), (String) l.get("level"), (String) l.get("message")));
        }
        return new StepRecord(
                doc.getString("job_id"),
                doc.getString("step_id"),
                number(doc.get("position")),
                doc.getString("type"),
                StepStatus.fromWire(doc.getString("status")),
                number(doc.get("attempts")),
                instant(doc, "started_at"),
                instant(doc, "ended_at"),
                (Map<String, Object>) doc.get("output"),
                logs,
                doc.getString("error"));
    }

    private static int number(Object v) {
        return v instanceof Number n ? n.intValue() : 0;
    }
}
