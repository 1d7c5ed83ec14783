package com.capidemo.shared.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Settings shared by every service; each is documented in the README's configuration table. */
@ConfigMapping(prefix = "platform")
public interface PlatformConfig {

    /** local (embedded engines) or gcp (Google Cloud services). */
    @WithDefault("local")
    String mode();

    /** Where local mode keeps its SQLite store, warehouse, object store and keyset. */
    @WithDefault(".platform-data")
    String dataDir();

    /** Folder holding templates/ and pipeline YAML; found next to the working directory when unset. */
    Optional<String> configsDir();

    /** Bootstrap token for tenant onboarding (X-Admin-Token); generated and stored when unset. */
    Optional<String> adminToken();

    Worker worker();

    Queue queue();

    Lease lease();

    Provision provision();

    interface Worker {
        /** Shared secret the local dispatchers send and the workers require (X-Worker-Secret). */
        Optional<String> sharedSecret();
    }

    interface Queue {
        Quick quick();
    }

    /** The quick-job queue; defaults follow seed 001's push subscription. */
    interface Quick {
        @WithDefault("provision-jobs")
        String topic();

        @WithDefault("provision-jobs-push")
        String subscription();

        @WithDefault("http://localhost:8081/pubsub/push")
        String pushEndpoint();

        @WithDefault("120s")
        Duration ackDeadline();

        @WithDefault("10s")
        Duration minBackoff();

        @WithDefault("600s")
        Duration maxBackoff();

        @WithDefault("5")
        int maxDeliveryAttempts();

        Dispatcher dispatcher();
    }

    interface Dispatcher {
        /** Only the publishing service (api-service) runs the outbox dispatcher. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("16")
        int concurrency();

        /** Safety-net poll; new messages wake the dispatcher at once. */
        @WithDefault("1s")
        Duration pollInterval();
    }

    interface Lease {
        @WithDefault("30s")
        Duration duration();
    }

    interface Provision {
        /** Pause after each table load; 0 in production, raised by fault tests to kill a worker mid-load. */
        @WithName("table-load-delay")
        @WithDefault("0s")
        Duration tableLoadDelay();
    }
}
