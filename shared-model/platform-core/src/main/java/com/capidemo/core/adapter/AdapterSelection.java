package com.capidemo.core.adapter;

import com.capidemo.core.config.PlatformConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place that decides which adapter serves each {@link Port}: the port's key when set, otherwise the default
 * of {@code platform.mode}. An unknown value or a gcp adapter that is not wired yet fails the start with the key to
 * change; nothing ever falls back silently. Core's producers pick the {@link Adapter} bean named {@link #value(Port)};
 * services never see the choice.
 */
@ApplicationScoped
public class AdapterSelection {

    private final Map<Port, Boolean> local = new EnumMap<>(Port.class);
    private final Map<Port, String> values = new EnumMap<>(Port.class);
    private final Optional<String> projectId;
    private final Optional<String> firestoreEmulatorHost;
    private final Optional<String> pubsubEmulatorHost;

    @Inject
    public AdapterSelection(PlatformConfig config) {
        this(
                config.mode(),
                explicit(config),
                config.gcp().projectId(),
                config.gcp().firestoreEmulatorHost(),
                config.gcp().pubsubEmulatorHost());
    }

    AdapterSelection(
            String mode,
            Map<Port, String> explicit,
            Optional<String> projectId,
            Optional<String> firestoreEmulatorHost,
            Optional<String> pubsubEmulatorHost) {
        if (!mode.equals("local") && !mode.equals("gcp")) {
            throw new IllegalStateException("platform.mode must be local or gcp, not '" + mode + "'");
        }
        for (Port port : Port.values()) {
            String chosen = explicit.getOrDefault(port, mode.equals("gcp") ? port.gcpDefault() : port.local);
            local.put(port, choose(port, chosen, explicit.containsKey(port) ? port.key : "platform.mode=" + mode));
            values.put(port, chosen);
        }
        // platform.queue.custom.transport=local over Firestore stores the job first and then adds its task, as Cloud
        // Tasks does; the quick queue's outbox has no such variant.
        if (local.get(Port.QUICK_QUEUE) && !local.get(Port.STORE)) {
            throw new IllegalStateException(
                    "platform.queue.quick.transport=local writes the job in the same SQLite "
                            + "transaction as its outbox message, so it needs platform.store=sqlite (use pubsub with firestore)");
        }
        this.projectId = projectId.filter(p -> !p.isBlank());
        if (this.projectId.isEmpty() && local.containsValue(false)) {
            throw new IllegalStateException("platform.gcp.project-id (PLATFORM_GCP_PROJECT_ID) is required by the "
                    + "gcp adapters selected: " + describe(false));
        }
        this.firestoreEmulatorHost = firestoreEmulatorHost.or(() -> env("FIRESTORE_EMULATOR_HOST"));
        this.pubsubEmulatorHost = pubsubEmulatorHost.or(() -> env("PUBSUB_EMULATOR_HOST"));
    }

    private static boolean choose(Port port, String value, String source) {
        if (value.equals(port.local)) {
            return true;
        }
        if (port.gcp == null) {
            throw new IllegalStateException(port.key + " must be " + port.local + ", not '" + value + "'");
        }
        if (!value.equals(port.gcp)) {
            throw new IllegalStateException(
                    port.key + " must be " + port.local + " or " + port.gcp + ", not '" + value + "'");
        }
        return false;
    }

    private static Map<Port, String> explicit(PlatformConfig config) {
        Map<Port, String> explicit = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            port.configured
                    .apply(config)
                    .map(v -> v.trim().toLowerCase(Locale.ROOT))
                    .ifPresent(v -> explicit.put(port, v));
        }
        return explicit;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    /** The configuration value of the adapter chosen for the port (e.g. "sqlite"), the name of its {@link Adapter}. */
    public String value(Port port) {
        return values.get(port);
    }

    public boolean isLocal(Port port) {
        return local.get(port);
    }

    /** The embedded SQLite file backs the local store, both local queues and the local agents. */
    public boolean usesSqlite() {
        return isLocal(Port.STORE)
                || isLocal(Port.QUICK_QUEUE)
                || isLocal(Port.CUSTOM_QUEUE)
                || isLocal(Port.AGENTS)
                || isLocal(Port.EVENTS);
    }

    public String projectId() {
        return projectId.orElseThrow(() -> new IllegalStateException("platform.gcp.project-id is not set"));
    }

    public Optional<String> firestoreEmulatorHost() {
        return firestoreEmulatorHost;
    }

    public Optional<String> pubsubEmulatorHost() {
        return pubsubEmulatorHost;
    }

    private String describe(boolean wantLocal) {
        String ports = local.entrySet().stream()
                .filter(e -> e.getValue() == wantLocal)
                .map(e -> e.getKey().key + "=" + (wantLocal ? e.getKey().local : e.getKey().gcp))
                .collect(Collectors.joining(", "));
        return ports.isEmpty() ? "none" : ports;
    }

    /** Validates the choice at start (via the constructor) and logs it. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        Log.infof("adapters: local %s; gcp %s", describe(true), describe(false));
    }
}
