package com.capidemo.gcp;

import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.ObjectStore;
import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Objects in Cloud Storage. Logical buckets ({@code templates}, {@code artifacts}) map to real ones through
 * {@link GcsBuckets}. Every upload is atomic by nature: an object becomes visible only when its upload finishes.
 * Retries are the client's own (idempotent calls only; see {@link GcpRetry}).
 */
public class GcsObjectStore implements ObjectStore {

    private final Storage storage;
    private final GcsBuckets buckets;

    public GcsObjectStore(Storage storage, GcsBuckets buckets) {
        this.storage = storage;
        this.buckets = buckets;
    }

    private BlobId id(ObjectRef ref) {
        if (ref.name() == null || ref.name().isEmpty() || ref.name().startsWith("/")) {
            throw new IllegalArgumentException("invalid object name: " + ref.name());
        }
        return BlobId.of(buckets.real(ref.bucket()), ref.name());
    }

    @Override
    public boolean exists(ObjectRef ref) {
        return storage.get(id(ref)) != null;
    }

    @Override
    public Optional<byte[]> read(ObjectRef ref) throws IOException {
        try {
            return Optional.of(storage.readAllBytes(id(ref)));
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("cannot read " + ref + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(ObjectRef ref, byte[] content) throws IOException {
        try {
            storage.create(BlobInfo.newBuilder(id(ref)).build(), content);
        } catch (StorageException e) {
            throw new IOException("cannot write " + ref + ": " + e.getMessage(), e);
        }
    }

    /** A resumable upload streamed from the file, in chunks: large parquet files never sit in memory. */
    @Override
    public void upload(ObjectRef ref, Path file) throws IOException {
        try {
            storage.createFrom(BlobInfo.newBuilder(id(ref)).build(), file);
        } catch (StorageException e) {
            throw new IOException("cannot upload " + file + " to " + ref + ": " + e.getMessage(), e);
        }
    }

    /** Streams the object; a missing object fails on open (like a missing local file), not at the first read. */
    @Override
    public InputStream open(ObjectRef ref) throws IOException {
        if (!exists(ref)) {
            throw new FileNotFoundException("no object " + ref);
        }
        return Channels.newInputStream(storage.reader(id(ref)));
    }

    @Override
    public List<ObjectRef> list(String bucket, String prefix) throws IOException {
        List<ObjectRef> refs = new ArrayList<>();
        try {
            Page<Blob> page =
                    storage.list(buckets.real(bucket), Storage.BlobListOption.prefix(prefix == null ? "" : prefix));
            for (Blob blob : page.iterateAll()) {
                if (!blob.getName().endsWith("/")) { // folder placeholders made by the console
                    refs.add(new ObjectRef(bucket, blob.getName()));
                }
            }
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                return List.of(); // no such bucket: nothing in it, as locally
            }
            throw new IOException("cannot list " + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
        refs.sort(Comparator.comparing(ObjectRef::name));
        return refs;
    }
}
