package com.capidemo.core.service;

import com.capidemo.core.config.ConfigsLocator;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.io.Folders;
import com.capidemo.core.json.Json;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.ObjectStore;
import com.capidemo.core.port.TemplateDataWriter;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateCatalog;
import com.capidemo.core.template.TemplateDefinition;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The template registry (configs/templates/*.yml) and its data: each template's tables are generated
 * once as parquet into the {@code templates} bucket ({@code {template_id}/{table}.parquet}) with a
 * manifest recording the row counts and a fingerprint of the generating SQL, so a changed template is
 * regenerated and an unchanged one never is.
 */
@ApplicationScoped
public class TemplateLibrary {

    public static final String BUCKET = "templates";

    private final TemplateCatalog catalog;
    private final ObjectStore objects;
    private final Path lockFile;
    private final Supplier<TemplateDataWriter> writer;
    private final Clock clock;

    @Inject
    public TemplateLibrary(
            PlatformConfig config, ObjectStore objects, Instance<TemplateDataWriter> writer, Clock clock) {
        this(
                TemplateCatalog.load(ConfigsLocator.locate(config).resolve("templates")),
                objects,
                Path.of(config.dataDir()).resolve("locks").resolve("templates.lock"),
                writer::get,
                clock);
    }

    /**
     * {@code writer} is asked for only when data must be generated (services that only read templates need none);
     * {@code clock} dates the manifests.
     */
    public TemplateLibrary(
            TemplateCatalog catalog,
            ObjectStore objects,
            Path lockFile,
            Supplier<TemplateDataWriter> writer,
            Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.objects = objects;
        this.lockFile = lockFile.toAbsolutePath();
        this.writer = writer;
    }

    public List<TemplateDefinition> all() {
        return catalog.all();
    }

    public Optional<TemplateDefinition> find(String templateId) {
        return templateId == null ? Optional.empty() : catalog.find(templateId);
    }

    public static ObjectRef tableObject(String templateId, String table) {
        return new ObjectRef(BUCKET, templateId + "/" + table + ".parquet");
    }

    private static ObjectRef manifestObject(String templateId) {
        return new ObjectRef(BUCKET, templateId + "/_manifest.json");
    }

    /** Generates every template whose data is missing or stale. */
    public void materializeAll() {
        for (TemplateDefinition t : catalog.all()) {
            materialize(t);
        }
    }

    /** Row counts per table of the template's stored data, generating it first when needed. */
    public Map<String, Long> materialize(TemplateDefinition template) {
        String fingerprint = fingerprint(template);
        Optional<Manifest> current = manifest(template.templateId());
        if (current.isPresent() && current.get().fingerprint().equals(fingerprint)) {
            return current.get().tables();
        }
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                current = manifest(template.templateId());
                if (current.isPresent() && current.get().fingerprint().equals(fingerprint)) {
                    return current.get().tables(); // another process generated it while we waited
                }
                return generate(template, fingerprint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Long> generate(TemplateDefinition template, String fingerprint) throws IOException {
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("template-" + template.templateId());
        try {
            Map<String, Long> counts = writer.get().generate(template, work);
            for (String table : counts.keySet()) {
                objects.upload(tableObject(template.templateId(), table), work.resolve(table + ".parquet"));
            }
            Manifest manifest = new Manifest(
                    template.templateId(),
                    template.dataVersion(),
                    fingerprint,
                    new LinkedHashMap<>(counts),
                    clock.instant());
            objects.write(manifestObject(template.templateId()), Json.bytes(manifest));
            Log.infof(
                    "generated template %s: %d tables, %d rows in %d ms",
                    template.templateId(),
                    counts.size(),
                    counts.values().stream().mapToLong(Long::longValue).sum(),
                    (System.nanoTime() - started) / 1_000_000);
            return counts;
        } finally {
            Folders.deleteTree(work);
        }
    }

    /** True when every template's data is stored and current (readiness). */
    public boolean allMaterialized() {
        return catalog.all().stream()
                .allMatch(t -> manifest(t.templateId())
                        .map(m -> m.fingerprint().equals(fingerprint(t)))
                        .orElse(false));
    }

    private Optional<Manifest> manifest(String templateId) {
        try {
            return objects.read(manifestObject(templateId))
                    .map(b -> Json.read(new String(b, StandardCharsets.UTF_8), Manifest.class));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    static String fingerprint(TemplateDefinition t) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("v" + t.dataVersion()).getBytes(StandardCharsets.UTF_8));
            for (TableSpec table : t.tables()) {
                sha.update((table.name() + "\n" + table.rows() + "\n" + table.sql() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is stored next to a template's parquet files. */
    public record Manifest(
            String templateId, int dataVersion, String fingerprint, Map<String, Long> tables, Instant generatedAt) {}
}
