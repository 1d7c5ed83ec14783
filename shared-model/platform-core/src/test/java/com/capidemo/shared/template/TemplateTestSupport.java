package com.capidemo.shared.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's configs/templates directory from the module or repository working directory. */
final class TemplateTestSupport {

    private TemplateTestSupport() {
    }

    static Path templatesDir() {
        for (String candidate : new String[] {"configs/templates", "../configs/templates", "../../configs/templates"}) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("configs/templates not found from " + Path.of("").toAbsolutePath());
    }

    static TemplateCatalog catalog() {
        return TemplateCatalog.load(templatesDir());
    }
}
