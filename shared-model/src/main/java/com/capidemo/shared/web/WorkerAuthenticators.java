package com.capidemo.shared.web;

import com.capidemo.shared.adapter.AdapterSelection;
import com.capidemo.shared.config.PlatformConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/** Chooses the worker authentication from configuration (platform.worker.auth), in one place. */
@ApplicationScoped
public class WorkerAuthenticators {

    @Produces
    @ApplicationScoped
    WorkerAuthenticator authenticator(PlatformConfig config, AdapterSelection selection) {
        return choose(config.worker(), emulatorOrTest(selection));
    }

    /** A wrong or unsafe choice stops the start, not the first push. */
    void checkAtStart(@Observes StartupEvent event, PlatformConfig config, AdapterSelection selection) {
        choose(config.worker(), emulatorOrTest(selection));
    }

    private static boolean emulatorOrTest(AdapterSelection selection) {
        return selection.pubsubEmulatorHost().isPresent() || selection.firestoreEmulatorHost().isPresent()
                || LaunchMode.current() == LaunchMode.TEST;
    }

    static WorkerAuthenticator choose(PlatformConfig.Worker worker, boolean emulatorOrTest) {
        return switch (worker.auth()) {
            case "shared-secret" -> new SharedSecretWorkerAuthenticator(worker.sharedSecret().orElse(null));
            case "oidc" -> new OidcWorkerAuthenticator(worker.oidc().audience().orElse(null),
                    worker.oidc().serviceAccountEmail().orElse(null), worker.oidc().issuer(),
                    worker.oidc().certsUrl());
            case "none" -> {
                if (!emulatorOrTest) {
                    throw new IllegalStateException("platform.worker.auth=none accepts unauthenticated pushes and is "
                            + "allowed only against the Pub/Sub emulator (PUBSUB_EMULATOR_HOST or "
                            + "platform.gcp.pubsub-emulator-host set) or in tests; use oidc or shared-secret");
                }
                yield new NoWorkerAuthenticator();
            }
            default -> throw new IllegalStateException("platform.worker.auth must be shared-secret, oidc or none, not "
                    + worker.auth());
        };
    }
}
