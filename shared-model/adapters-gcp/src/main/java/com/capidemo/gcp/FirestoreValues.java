package com.capidemo.gcp;

import com.capidemo.core.adapter.IoThreads;
import com.google.api.core.ApiFuture;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Conversions between our records and Firestore document values. */
final class FirestoreValues {
    private FirestoreValues() {}

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
    }

    static Instant instant(DocumentSnapshot doc, String field) {
        Timestamp t = doc.getTimestamp(field);
        return t == null ? null : Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        return null;
    }

    /** Creates the document in a transaction unless it exists; true when this call created it. */
    static boolean createIfAbsent(Firestore db, DocumentReference ref, Map<String, Object> document) {
        return await(db.runTransaction(tx -> {
            if (tx.get(ref).get().exists()) {
                return false;
            }
            tx.create(ref, document);
            return true;
        }));
    }

    /** Waits for a Firestore future, unwrapping its failure. */
    static <T> T await(ApiFuture<T> future) {
        IoThreads.refuse("waiting for Firestore");
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FirestoreException("interrupted", e);
        } catch (ExecutionException e) {
            throw new FirestoreException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** A Firestore call that failed (unavailable, aborted past retries, permission…). */
    static class FirestoreException extends RuntimeException {
        FirestoreException(String message, Throwable cause) {
            super("firestore: " + message, cause);
        }
    }
}
