package com.capidemo.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.web.edge.EdgeConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The platform's settings as the services build them: every mapping under platform.*, with UnknownPlatformKeys. */
class UnknownPlatformKeysTest {

    private static SmallRyeConfig build(Map<String, String> properties, boolean withCustomizer) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter()) // "30s", as in Quarkus
                .withMapping(PlatformConfig.class)
                .withMapping(EdgeConfig.class)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250));
        if (withCustomizer) {
            builder.withCustomizers(new UnknownPlatformKeys());
        }
        return builder.build();
    }

    @Test
    void aMisspelledPlatformKeyFailsNamingTheKey() {
        assertThatThrownBy(() -> build(Map.of("platform.dat-dir", "/srv/data"), true))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("platform.dat-dir");
    }

    @Test
    void aMisspelledNestedKeyFailsNamingTheKey() {
        assertThatThrownBy(() -> build(
                        Map.of("platform.queue.quick.ack-dedline", "30s", "platform.edge.max-uri-lenght", "10"), true))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("platform.queue.quick.ack-dedline")
                .hasMessageContaining("platform.edge.max-uri-lenght");
    }

    @Test
    void everyDeclaredKeyAndTheQuarkusPlatformPropertiesAreAccepted() {
        SmallRyeConfig config = build(
                Map.of(
                        "platform.quarkus.native.builder-image", "mandrel",
                        "platform.data-dir", "/srv/data",
                        "platform.store", "sqlite",
                        "platform.queue.quick.ack-deadline", "30s",
                        "platform.api.list-concurrency", "3",
                        "platform.readiness.quota-share", "0.25",
                        "platform.gcp.region", "europe-west1",
                        "platform.edge.max-uri-length", "2048",
                        "platform.tink.keyset-file", "/srv/keys/keyset.json"),
                true);
        PlatformConfig platform = config.getConfigMapping(PlatformConfig.class);
        assertThat(platform.dataDir()).isEqualTo("/srv/data");
        assertThat(platform.store()).contains("sqlite");
        assertThat(platform.queue().quick().ackDeadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(platform.api().listConcurrency()).isEqualTo(Optional.of(3));
        assertThat(platform.api().listWaiting()).isEqualTo(1000);
        assertThat(platform.readiness().quotaShare()).isEqualTo(0.25);
        assertThat(platform.gcp().chatQuotaPerMinute()).isEqualTo(30);
        assertThat(platform.gcp().region()).isEqualTo("europe-west1");
        assertThat(platform.tink().keysetFile()).contains("/srv/keys/keyset.json");
        assertThat(config.getConfigMapping(EdgeConfig.class).maxUriLength()).isEqualTo(2048);
    }

    @Test
    void environmentVariablesOfTheLauncherAreNotSettings() {
        // ./platform passes its own PLATFORM_* variables (PLATFORM_JAVA_OPTS, PLATFORM_PORT_BASE) to every service.
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(PlatformConfig.class)
                .withCustomizers(new UnknownPlatformKeys())
                .withSources(
                        new EnvConfigSource(Map.of("PLATFORM_JAVA_OPTS", "-Xmx1g", "PLATFORM_DATA_DIR", "/srv/d"), 300))
                .build();
        assertThat(config.getConfigMapping(PlatformConfig.class).dataDir()).isEqualTo("/srv/d");
    }

    @Test
    void withoutTheExemptionTheQuarkusPlatformPropertiesWouldFailTheStart() {
        assertThatThrownBy(() -> build(Map.of("platform.quarkus.native.builder-image", "mandrel"), false))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("platform.quarkus.native.builder-image");
    }

    @Test
    void theCustomizerIsRegisteredForServiceLoading() {
        assertThat(ServiceLoader.load(SmallRyeConfigBuilderCustomizer.class).stream()
                        .map(provider -> provider.type().getName())
                        .toList())
                .contains(UnknownPlatformKeys.class.getName());
    }
}
