package com.capidemo.core.web;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.config.PlatformConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.function.Function;

/**
 * Chooses the worker authentication from configuration (platform.worker.auth), in one place. The Google-signed ID token
 * check comes from adapters-gcp as the {@code @Adapter("oidc")} {@link WorkerAuthenticator} factory.
 */
@ApplicationScoped
public class WorkerAuthenticators {

    @Produces
    @ApplicationScoped
    WorkerAuthenticator authenticator(
            PlatformConfig config, AdapterSelection selection, @Any Instance<OidcAuthenticatorFactory> oidc) {
        return choose(config.worker(), emulatorOrTest(selection), oidc(oidc));
    }

    /** A wrong or unsafe choice stops the start, not the first push. */
    void checkAtStart(
            @Observes StartupEvent event,
            PlatformConfig config,
            AdapterSelection selection,
            @Any Instance<OidcAuthenticatorFactory> oidc) {
        choose(config.worker(), emulatorOrTest(selection), oidc(oidc));
        checkSecretQueryParameter(config.worker(), emulatorOrTest(selection));
    }

    /** A secret in a URL is allowed only where the Pub/Sub emulator's header-less push needs it. */
    static void checkSecretQueryParameter(PlatformConfig.Worker worker, boolean emulatorOrTest) {
        if (worker.secretQueryParameter().filter(p -> !p.isBlank()).isEmpty()) {
            return;
        }
        if (!emulatorOrTest) {
            throw new IllegalStateException("platform.worker.secret-query-parameter puts the worker secret in URLs and "
                    + "is allowed only against the emulators (platform.gcp.pubsub-emulator-host, firestore-emulator-host or "
                    + "their *_EMULATOR_HOST variables set); leave it unset");
        }
        if (!worker.auth().equals("shared-secret")) {
            throw new IllegalStateException(
                    "platform.worker.secret-query-parameter carries the shared secret, so it needs "
                            + "platform.worker.auth=shared-secret, not " + worker.auth());
        }
    }

    private static Function<PlatformConfig.Oidc, WorkerAuthenticator> oidc(Instance<OidcAuthenticatorFactory> oidc) {
        return settings -> {
            Instance<OidcAuthenticatorFactory> factory = oidc.select(Adapter.Literal.of("oidc"));
            if (!factory.isResolvable()) {
                throw new IllegalStateException("platform.worker.auth=oidc needs the Google adapters (adapters-gcp), "
                        + "which this service does not include");
            }
            return factory.get().create(settings);
        };
    }

    /** Builds the OIDC authenticator (Google-signed ID tokens) from its settings; offered by adapters-gcp. */
    public interface OidcAuthenticatorFactory {
        WorkerAuthenticator create(PlatformConfig.Oidc settings);
    }

    private static boolean emulatorOrTest(AdapterSelection selection) {
        return selection.pubsubEmulatorHost().isPresent()
                || selection.firestoreEmulatorHost().isPresent()
                || LaunchMode.current() == LaunchMode.TEST;
    }

    static WorkerAuthenticator choose(
            PlatformConfig.Worker worker,
            boolean emulatorOrTest,
            Function<PlatformConfig.Oidc, WorkerAuthenticator> oidc) {
        return switch (worker.auth()) {
            case "shared-secret" ->
                new SharedSecretWorkerAuthenticator(worker.sharedSecret().orElse(null));
            case "oidc" -> oidc.apply(worker.oidc());
            case "none" -> {
                if (!emulatorOrTest) {
                    throw new IllegalStateException("platform.worker.auth=none accepts unauthenticated pushes and is "
                            + "allowed only against the Pub/Sub emulator (PUBSUB_EMULATOR_HOST or "
                            + "platform.gcp.pubsub-emulator-host set) or in tests; use oidc or shared-secret");
                }
                yield new NoWorkerAuthenticator();
            }
            default ->
                throw new IllegalStateException(
                        "platform.worker.auth must be shared-secret, oidc or none, not " + worker.auth());
        };
    }
}
