package com.capidemo.core.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Buckets of objects (Cloud Storage, or a folder per bucket locally). */
public interface ObjectStore {

    boolean exists(ObjectRef ref);

    Optional<byte[]> read(ObjectRef ref) throws IOException;

    /** Writes atomically: readers see the old object or the whole new one. */
    void write(ObjectRef ref, byte[] content) throws IOException;

    /** Uploads a local file atomically. */
    void upload(ObjectRef ref, Path file) throws IOException;

    InputStream open(ObjectRef ref) throws IOException;

    List<ObjectRef> list(String bucket, String prefix) throws IOException;
}
