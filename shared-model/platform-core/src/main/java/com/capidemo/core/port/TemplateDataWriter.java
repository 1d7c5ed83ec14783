package com.capidemo.core.port;

import com.capidemo.core.template.TemplateDefinition;
import java.nio.file.Path;
import java.util.Map;

/** Materialises a template's (or a designed demo's) tables as one parquet file per table into a folder. */
public interface TemplateDataWriter {

    /** Writes {@code {table}.parquet} for every table into {@code dir}; returns the row count of each. */
    Map<String, Long> generate(TemplateDefinition template, Path dir);
}
