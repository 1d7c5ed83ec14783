package com.capidemo.shared.adapter.local;

import com.capidemo.shared.config.PlatformConfig;
import com.capidemo.shared.json.Json;
import com.capidemo.shared.port.Datasets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local warehouse's datasets as folders under {@code {data-dir}/warehouse} (one folder per dataset, a
 * {@code _dataset.json} with its labels): creating, listing and dropping them needs no query engine, so
 * lifecycle work runs without DuckDB. The DuckDB warehouse keeps its tables inside these folders.
 */
@Typed(LocalDatasetFolders.class)
@ApplicationScoped
public class LocalDatasetFolders implements Datasets {

    /** Dataset, table and column names the local warehouse accepts. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final String LABELS_FILE = "_dataset.json";

    private final Path root;

    @Inject
    public LocalDatasetFolders(PlatformConfig config) {
        this(Path.of(config.dataDir()).resolve("warehouse"));
    }

    public LocalDatasetFolders(Path root) {
        this.root = root.toAbsolutePath();
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
            Files.createDirectories(root);
            boolean created;
            try {
                Files.createDirectory(dir);
                created = true;
            } catch (FileAlreadyExistsException e) {
                created = false;
            }
            Path tmp = Files.createTempFile(dir, ".labels-", ".tmp");
            Files.writeString(tmp, Json.write(labels));
            Files.move(tmp, dir.resolve(LABELS_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean datasetExists(String datasetId) {
        return Files.isDirectory(folder(datasetId));
    }

    @Override
    public void dropDataset(String datasetId) {
        Path dir = folder(datasetId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> IDENTIFIER.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
