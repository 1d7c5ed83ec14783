package com.capidemo.custom.steps;

import com.capidemo.core.config.ConfigsLocator;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.pipeline.PipelineException;
import com.capidemo.core.pipeline.StepDefinition;
import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.ObjectStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.custom.pipeline.PipelineStep;
import com.capidemo.custom.pipeline.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code load_object}: loads a parquet or CSV object from the object store into a table (replacing it). A {@code seed}
 * names a file shipped under configs/ that is uploaded first when the object is missing, so sample pipelines work on a
 * fresh installation.
 */
@ApplicationScoped
public class LoadObjectStep implements PipelineStep {

    private static final Set<String> FORMATS = Set.of("parquet", "csv");

    private final Warehouse warehouse;
    private final ObjectStore objects;
    private final Path configs;

    @Inject
    public LoadObjectStep(Warehouse warehouse, ObjectStore objects, PlatformConfig config) {
        this(warehouse, objects, ConfigsLocator.locate(config));
    }

    public LoadObjectStep(Warehouse warehouse, ObjectStore objects, Path configs) {
        this.warehouse = warehouse;
        this.objects = objects;
        this.configs = configs;
    }

    @Override
    public String type() {
        return "load_object";
    }

    @Override
    public void validate(StepDefinition step) {
        step.requireString("dataset");
        step.requireString("table");
        step.requireString("bucket");
        step.requireString("object");
        if (!FORMATS.contains(step.requireString("format"))) {
            throw new PipelineException("step '" + step.id() + "': format must be parquet or csv");
        }
        String seed = step.string("seed");
        if (seed != null && !Files.isRegularFile(seedPath(seed))) {
            throw new PipelineException("step '" + step.id() + "': seed file configs/" + seed + " not found");
        }
    }

    @Override
    public Map<String, Object> run(StepContext context) throws IOException {
        StepDefinition step = context.step();
        ObjectRef source = new ObjectRef(step.requireString("bucket"), step.requireString("object"));
        String seed = step.string("seed");
        if (seed != null && !objects.exists(source)) {
            objects.upload(source, seedPath(seed));
            context.log("uploaded sample configs/" + seed + " to " + source);
        }
        String dataset = step.requireString("dataset");
        String table = step.requireString("table");
        if ("csv".equals(step.requireString("format"))) {
            warehouse.loadCsv(dataset, table, source);
        } else {
            warehouse.loadParquet(dataset, table, source);
        }
        long rows = warehouse.countRows(dataset, table);
        context.log("loaded " + rows + " rows from " + source + " into " + dataset + "." + table);
        return Map.of("table", table, "source", source.toString(), "rows_processed", rows);
    }

    private Path seedPath(String seed) {
        Path p = configs.resolve(seed).normalize();
        if (!p.startsWith(configs)) {
            throw new PipelineException("seed path " + seed + " leaves configs/");
        }
        return p;
    }
}
