package com.capidemo.gcp;

import static com.capidemo.gcp.FirestoreValues.await;
import static com.capidemo.gcp.FirestoreValues.ts;

import com.capidemo.core.domain.GoldenQuery;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Golden query sets in Firestore ({@code golden_query_sets/{sha256}}): each distinct set is one document that demos
 * reference by {@code golden_set_id}, instead of a copy in every demo. A set never changes under its id, so the sets
 * read are cached.
 */
final class FirestoreGoldenQuerySets {

    static final String COLLECTION = "golden_query_sets";
    private static final int CACHE_SIZE = 256;
    private static final Map<String, List<GoldenQuery>> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<GoldenQuery>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private FirestoreGoldenQuerySets() {}

    /** The id of a set: SHA-256 over its questions and SQL; null for no queries. */
    static String idOf(List<GoldenQuery> queries) {
        if (queries == null || queries.isEmpty()) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (GoldenQuery g : queries) {
                for (String part : new String[] {g.question(), g.sql(), g.complexity(), g.expectedResultType()}) {
                    sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes sure the set is stored, before and outside the demo's transaction: every demo of a template shares one
     * set document, and rewriting it in each creation would put all of them on one document's write rate (about one
     * write per second). A set this process stored or read before is not written again; otherwise it is created once
     * ({@code create}: a set already there, written by another process, is left as it is, since its content is fixed
     * by its id). A demo never references a set that is not stored yet.
     */
    static String ensureStored(Firestore db, List<GoldenQuery> queries, Instant now) {
        String id = idOf(queries);
        if (id == null) {
            return null;
        }
        synchronized (CACHE) {
            if (CACHE.containsKey(id)) {
                return id;
            }
        }
        try {
            await(ref(db, id)
                    .create(Map.of(
                            "set_id",
                            id,
                            "queries",
                            queries.stream()
                                    .map(FirestoreGoldenQuerySets::golden)
                                    .toList(),
                            "created_at",
                            ts(now))));
        } catch (RuntimeException e) {
            if (!alreadyExists(e)) {
                throw e;
            }
        }
        remember(id, List.copyOf(queries));
        return id;
    }

    private static boolean alreadyExists(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.google.api.gax.rpc.AlreadyExistsException
                    || t instanceof com.google.cloud.firestore.FirestoreException f
                            && f.getStatus() != null
                            && f.getStatus().getCode() == io.grpc.Status.Code.ALREADY_EXISTS) {
                return true;
            }
        }
        return false;
    }

    /** The queries of a set (read once, then cached); empty for a null id. */
    static List<GoldenQuery> load(Firestore db, String id) {
        if (id == null) {
            return List.of();
        }
        synchronized (CACHE) {
            List<GoldenQuery> cached = CACHE.get(id);
            if (cached != null) {
                return cached;
            }
        }
        DocumentSnapshot doc = await(ref(db, id).get());
        if (!doc.exists()) {
            return List.of();
        }
        List<GoldenQuery> queries = List.copyOf(parse(doc.get("queries")));
        remember(id, queries);
        return queries;
    }

    /** Golden queries as stored in a document (a set, or a demo written before sets existed). */
    @SuppressWarnings("unchecked")
    static List<GoldenQuery> parse(Object value) {
        List<GoldenQuery> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> g = (Map<String, Object>) o;
                out.add(new GoldenQuery(
                        (String) g.get("question"), (String) g.get("sql"), (String) g.get("complexity"), (String)
                                g.get("expected_result_type")));
            }
        }
        return out;
    }

    static Map<String, Object> golden(GoldenQuery g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("question", g.question());
        m.put("sql", g.sql());
        m.put("complexity", g.complexity());
        m.put("expected_result_type", g.expectedResultType());
        return m;
    }

    private static DocumentReference ref(Firestore db, String id) {
        return db.collection(COLLECTION).document(id);
    }

    private static void remember(String id, List<GoldenQuery> queries) {
        synchronized (CACHE) {
            CACHE.put(id, queries);
        }
    }
}
