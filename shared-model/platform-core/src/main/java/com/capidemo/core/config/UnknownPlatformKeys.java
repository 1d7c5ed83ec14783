package com.capidemo.core.config;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * A key under {@code platform.} that no mapping ({@link PlatformConfig}, {@code EdgeConfig}, a service's own) declares
 * fails the start with "... does not map to any root" naming the key, so a misspelled setting is never silently
 * ignored. The one exception is {@code platform.quarkus.*}: the Quarkus platform BOM's own build properties share the
 * prefix. Registered with SmallRye Config (and so with Quarkus) through {@code META-INF/services}.
 */
public class UnknownPlatformKeys implements SmallRyeConfigBuilderCustomizer {

    /** The Quarkus platform properties, which are not ours to validate. */
    public static final String QUARKUS_PLATFORM_PROPERTIES = "platform.quarkus.**";

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidateUnknown(true).withMappingIgnore(QUARKUS_PLATFORM_PROPERTIES);
    }
}
