package com.capidemo.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Settings shared by every service; each is documented in docs/configuration.md. */
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

    Setup setup();

    /** POST /api/setup: a Google Cloud project set up in one call. */
    interface Setup {
        /** The template a newly set-up project's demo is provisioned from. */
        @WithDefault("shopify")
        String defaultTemplate();
    }

    interface Worker {
        /**
         * How workers authenticate push and task requests: shared-secret (local dispatchers send
         * X-Worker-Secret), oidc (a Google-signed ID token, as Pub/Sub push and Cloud Tasks send in gcp mode) or
         * none (only against the Pub/Sub emulator or in tests).
         */
        @WithDefault("shared-secret")
        String auth();

        /** Shared secret the local dispatchers send and the workers require (X-Worker-Secret). */
        Optional<String> sharedSecret();

        Oidc oidc();
    }

    /** What a Google-signed OIDC token must carry to be accepted by a worker. */
    interface Oidc {
        /** The audience the push subscription / task was configured with (usually the worker URL). */
        Optional<String> audience();

        /** The service account the push subscription / queue signs tokens as. */
        Optional<String> serviceAccountEmail();

        @WithDefault("https://accounts.google.com")
        String issuer();

        @WithDefault("https://www.googleapis.com/oauth2/v3/certs")
        String certsUrl();

        /**
         * Who checks the token's signature: signature (this service, against certs-url; for any host) or
         * cloud-run-iam (the worker runs as an IAM-protected Cloud Run service, which verifies the token and passes it
         * on with its signature replaced by SIGNATURE_REMOVED_BY_GOOGLE; the service checks issuer, audience,
         * service-account email and expiry, and still verifies any token that arrives with a signature).
         */
        @WithDefault("signature")
        String verification();
    }

    interface Queue {
        Quick quick();

        Custom custom();
    }

    /** The custom-job queue; defaults are those of the Cloud Tasks queue `custom-provision` in infra/tasks.tf. */
    interface Custom {
        @WithDefault("custom-provision")
        String name();

        /** Base URL of custom-provisioner; tasks POST to {endpoint}/tasks/... */
        @WithDefault("http://localhost:8082")
        String endpoint();

        /** How long a worker may take to answer a task before it counts as failed and is retried. */
        @WithDefault("600s")
        Duration dispatchDeadline();

        @WithDefault("3")
        int maxAttempts();

        @WithDefault("60s")
        Duration minBackoff();

        @WithDefault("3600s")
        Duration maxBackoff();

        @WithDefault("5")
        double maxDispatchesPerSecond();

        @WithDefault("10")
        int maxConcurrentDispatches();

        /** Only the enqueuing service (api-service) runs the local task dispatcher. */
        @WithName("dispatcher.enabled")
        @WithDefault("false")
        boolean dispatcherEnabled();

        @WithName("dispatcher.poll-interval")
        @WithDefault("1s")
        Duration pollInterval();
    }

    /** The quick-job queue; defaults are those of the push subscription in infra/pubsub.tf. */
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
