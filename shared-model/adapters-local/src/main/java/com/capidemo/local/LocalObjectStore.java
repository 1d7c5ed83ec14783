package com.capidemo.local;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.config.PrivateFiles;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Buckets as folders under {@code {data-dir}/objects}; writes go to a temp file and are renamed into place. */
@Typed(LocalObjectStore.class)
@ApplicationScoped
public class LocalObjectStore implements ObjectStore {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final Path root;

    @Inject
    public LocalObjectStore(PlatformConfig config) {
        this(Path.of(config.dataDir()).resolve("objects"));
    }

    public LocalObjectStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** The file behind an object, for local adapters (the warehouse links it instead of copying). */
    public Path path(ObjectRef ref) {
        if (!BUCKET.matcher(ref.bucket()).matches()) {
            throw new IllegalArgumentException("invalid bucket name: " + ref.bucket());
        }
        Path bucket = root.resolve(ref.bucket());
        Path p = bucket.resolve(ref.name()).normalize();
        if (!p.startsWith(bucket) || p.equals(bucket)) {
            throw new IllegalArgumentException("invalid object name: " + ref.name());
        }
        return p;
    }

    @Override
    public boolean exists(ObjectRef ref) {
        return Files.isRegularFile(path(ref));
    }

    @Override
    public Optional<byte[]> read(ObjectRef ref) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(path(ref)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(ObjectRef ref, byte[] content) throws IOException {
        Path target = path(ref);
        PrivateFiles.directory(root);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void upload(ObjectRef ref, Path file) throws IOException {
        Path target = path(ref);
        PrivateFiles.directory(root);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public InputStream open(ObjectRef ref) throws IOException {
        return Files.newInputStream(path(ref));
    }

    @Override
    public List<ObjectRef> list(String bucket, String prefix) throws IOException {
        Path base = root.resolve(bucket);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.startsWith(prefix) && !name.contains("/.upload-"))
                    .sorted()
                    .map(name -> new ObjectRef(bucket, name))
                    .toList();
        }
    }
}
