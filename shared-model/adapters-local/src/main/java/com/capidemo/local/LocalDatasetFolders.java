package com.capidemo.local;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.config.PrivateFiles;
import com.capidemo.core.io.Folders;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.Datasets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local warehouse's datasets as folders under {@code {data-dir}/warehouse} (one folder per dataset, a
 * {@code _dataset.json} with its labels, {@code _created} with its creation time): creating, listing and dropping them
 * needs no query engine, so
 * lifecycle work runs without DuckDB. The DuckDB warehouse keeps its tables inside these folders.
 */
@Typed(LocalDatasetFolders.class)
@ApplicationScoped
public class LocalDatasetFolders implements Datasets {

    /** Dataset, table and column names the local warehouse accepts. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private static final String LABELS_FILE = "_dataset.json";
    private static final String CREATED_FILE = "_created";
    private static final String TOMBSTONE = ".dropped-";

    private final Path root;
    private final Clock clock;

    @Inject
    public LocalDatasetFolders(PlatformConfig config, Clock clock) {
        this(Path.of(config.dataDir()).resolve("warehouse"), clock);
    }

    /** @param clock the time a new dataset records as its creation time */
    public LocalDatasetFolders(Path root, Clock clock) {
        this.root = root.toAbsolutePath();
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** The folder of a dataset (which may not exist); an invalid name is the caller's error. */
    public Path folder(String datasetId) {
        return root.resolve(checked(datasetId, "dataset"));
    }

    /** The name, when it is a valid identifier; IllegalArgumentException otherwise. */
    public static String checked(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid " + what + " name: " + name);
        }
        return name;
    }

    @Override
    public boolean createDataset(String datasetId, Map<String, String> labels) {
        Path dir = folder(datasetId);
        try {
            PrivateFiles.directory(root);
            boolean created;
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PrivateFiles.DIRECTORY));
                created = true;
            } catch (FileAlreadyExistsException e) {
                created = false;
            } catch (UnsupportedOperationException e) {
                created = !Files.isDirectory(dir);
                Files.createDirectories(dir);
            }
            if (created) {
                writeAtomically(dir.resolve(CREATED_FILE), clock.instant().toString());
            }
            writeAtomically(dir.resolve(LABELS_FILE), Json.write(labels));
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".write-", ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public boolean datasetExists(String datasetId) {
        return Files.isDirectory(folder(datasetId));
    }

    /**
     * The folder is first renamed to a hidden tombstone (an atomic rename: of two concurrent drops exactly one
     * succeeds, and a dataset is never seen half deleted), then the tombstone is deleted. A tombstone left by a crash
     * is deleted by the next drop of the same dataset.
     */
    @Override
    public boolean dropDataset(String datasetId) {
        Path dir = folder(datasetId);
        boolean dropped;
        Path tombstone = root.resolve(TOMBSTONE + datasetId + "-" + UUID.randomUUID());
        try {
            Files.move(dir, tombstone, StandardCopyOption.ATOMIC_MOVE);
            dropped = true;
        } catch (NoSuchFileException e) {
            dropped = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> leftovers = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            for (Path p : leftovers
                    .filter(p -> p.getFileName().toString().startsWith(TOMBSTONE + datasetId + "-"))
                    .toList()) {
                Folders.deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dropped;
    }

    /**
     * The creation time {@link #createDataset} recorded in the folder ({@code _created}); for a folder made otherwise,
     * the folder's own creation time as the file system reports it.
     */
    @Override
    public Optional<Instant> datasetCreatedAt(String datasetId) {
        Path dir = folder(datasetId);
        try {
            Path recorded = dir.resolve(CREATED_FILE);
            if (Files.isRegularFile(recorded)) {
                return Optional.of(Instant.parse(Files.readString(recorded).trim()));
            }
            return Optional.of(Files.readAttributes(dir, BasicFileAttributes.class)
                    .creationTime()
                    .toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("unreadable " + CREATED_FILE + " in dataset " + datasetId, e);
        }
    }

    @Override
    public List<String> listDatasets() {
        return subfolders(root);
    }

    /** The sub-folders of {@code dir} whose names are identifiers, sorted; none when it does not exist. */
    public static List<String> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> IDENTIFIER.matcher(n).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
