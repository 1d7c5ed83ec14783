package com.capidemo.gcp;

import com.capidemo.core.port.ObjectRef;
import java.util.Map;

/**
 * Maps the platform's logical bucket names ({@code templates}, {@code artifacts}) to real Cloud Storage buckets,
 * which are globally unique: {@code {prefix}{logical}} (e.g. prefix {@code my-project-capi-} gives
 * {@code my-project-capi-templates}) unless a bucket is named explicitly in {@code overrides}.
 */
public record GcsBuckets(String prefix, Map<String, String> overrides) {

    public GcsBuckets {
        prefix = prefix == null ? "" : prefix;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    public static GcsBuckets prefixed(String prefix) {
        return new GcsBuckets(prefix, Map.of());
    }

    public String real(String logical) {
        if (logical == null || logical.isBlank()) {
            throw new IllegalArgumentException("bucket name missing");
        }
        return overrides.getOrDefault(logical, prefix + logical);
    }

    /** The {@code gs://} URI of an object, as BigQuery load jobs want it. */
    public String uri(ObjectRef ref) {
        return "gs://" + real(ref.bucket()) + "/" + ref.name();
    }
}
