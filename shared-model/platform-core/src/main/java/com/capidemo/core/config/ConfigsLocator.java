package com.capidemo.core.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the configs/ folder: the configured one, else ./configs, ../configs or ../../configs from the working directory. */
public final class ConfigsLocator {
    private ConfigsLocator() {}

    public static Path locate(PlatformConfig config) {
        if (config.configsDir().isPresent()) {
            Path p = Path.of(config.configsDir().get()).toAbsolutePath();
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException("platform.configs-dir " + p + " is not a directory");
            }
            return p;
        }
        for (String candidate : new String[] {"configs", "../configs", "../../configs"}) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("templates"))) {
                return p;
            }
        }
        throw new IllegalStateException("configs/ not found from " + Path.of("").toAbsolutePath()
                + "; set platform.configs-dir (PLATFORM_CONFIGS_DIR)");
    }
}
