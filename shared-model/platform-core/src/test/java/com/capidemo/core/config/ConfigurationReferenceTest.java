package com.capidemo.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.telemetry.TelemetryConfig;
import com.capidemo.core.web.edge.EdgeConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md names every key the platform's configuration mappings declare, so the page cannot go stale. */
class ConfigurationReferenceTest {

    private static String documentation() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/configuration.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("docs/configuration.md above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return Files.readString(dir.resolve("docs/configuration.md"));
    }

    /** Every key a mapping declares, as users write it (kebab-case under the mapping's prefix). */
    static Set<String> keysOf(Class<?> mapping) {
        Set<String> keys = new TreeSet<>();
        collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, keys);
        return keys;
    }

    private static void collect(String prefix, Class<?> group, Set<String> keys) {
        for (Method method : group.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || method.getParameterCount() > 0) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> type = valueType(method.getGenericReturnType());
            if (type.isInterface() && type.getName().startsWith("com.capidemo.")) {
                collect(key, type, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static Class<?> valueType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            Type inner = p.getActualTypeArguments()[0];
            return inner instanceof Class<?> c ? c : Object.class;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return (Class<?>) type;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static final Pattern CODE = Pattern.compile("`([a-z0-9.-]+)`");

    /**
     * The keys the page names: every {@code `platform.…`} span, and in a table row's first cell the shorthand siblings
     * after a full key ({@code `platform.queue.quick.min-backoff` / `max-backoff`} names
     * {@code platform.queue.quick.max-backoff}: a sibling replaces as many trailing segments as it has).
     */
    static Set<String> documentedKeys(String doc) {
        Set<String> keys = new TreeSet<>();
        for (String line : doc.split("\n")) {
            Matcher all = CODE.matcher(line);
            while (all.find()) {
                if (all.group(1).startsWith("platform.")) {
                    keys.add(all.group(1));
                }
            }
            String[] cells = line.split("\\|");
            if (!line.startsWith("|") || cells.length < 2) {
                continue;
            }
            Matcher first = CODE.matcher(cells[1]);
            String full = null;
            while (first.find()) {
                String code = first.group(1);
                if (code.startsWith("platform.")) {
                    full = code;
                } else if (full != null) {
                    String[] base = full.split("\\.");
                    int keep = base.length - code.split("\\.").length;
                    keys.add(String.join(".", Arrays.copyOf(base, keep)) + "." + code);
                }
            }
        }
        return keys;
    }

    @Test
    void shorthandSiblingsInATableRowNameFullKeys() {
        assertThat(documentedKeys("| `platform.queue.custom.dispatcher.enabled` / `dispatcher.poll-interval` | x |\n"
                        + "| `platform.api.list-concurrency` / `list-waiting` | cores / `1000` |"))
                .containsExactlyInAnyOrder(
                        "platform.queue.custom.dispatcher.enabled",
                        "platform.queue.custom.dispatcher.poll-interval",
                        "platform.api.list-concurrency",
                        "platform.api.list-waiting");
    }

    @Test
    void everyKeyOfEveryMappingIsDocumented() throws IOException {
        Set<String> documented = documentedKeys(documentation());
        for (Class<?> mapping : List.of(PlatformConfig.class, EdgeConfig.class, TelemetryConfig.class)) {
            Set<String> keys = keysOf(mapping);
            assertThat(keys).as("keys of " + mapping.getSimpleName()).isNotEmpty();
            assertThat(keys.stream().filter(k -> !documented.contains(k)))
                    .as("keys of %s that docs/configuration.md does not name (as `key`)", mapping.getSimpleName())
                    .isEmpty();
        }
    }

    @Test
    void keysAreWrittenAsUsersWriteThem() {
        assertThat(keysOf(PlatformConfig.class))
                .contains(
                        "platform.data-dir",
                        "platform.queue.quick.ack-deadline",
                        "platform.tink.keyset-file",
                        "platform.api.share-password-checks")
                .noneMatch(k -> k.chars().anyMatch(Character::isUpperCase));
    }
}
