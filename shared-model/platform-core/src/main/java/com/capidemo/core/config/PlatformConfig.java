package com.capidemo.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code platform.*} setting, in one mapping ({@code platform.edge.*} and {@code platform.lifecycle.*} have their
 * own). A key under {@code platform.} that no mapping declares fails the start, naming the key
 * ({@link UnknownPlatformKeys}); each is documented in docs/configuration.md.
 *
 * <p>Which adapter serves each port: {@code platform.mode} gives the defaults (local → embedded engines, gcp → Google
 * services); each port's own key ({@code platform.store}, {@code platform.warehouse}, ...) overrides it, so tests can
 * mix an emulator with embedded parts. The choice is made once, in
 * {@link com.capidemo.core.adapter.AdapterSelection}.
 */
@ConfigMapping(prefix = "platform")
public interface PlatformConfig {

    /** local (embedded engines) or gcp (Google Cloud services). */
    @WithDefault("local")
    String mode();

    /** sqlite | firestore: jobs, demos, tenants, steps, conversations. */
    Optional<String> store();

    /** duckdb | bigquery. */
    Optional<String> warehouse();

    /** local | gcs. */
    Optional<String> objects();

    /** tink | kms. */
    Optional<String> crypto();

    /** local | capi: data agents and chat. */
    Optional<String> agents();

    /** local (SQLite events table) | pubsub: completion events on provision-events. */
    Optional<String> events();

    /** local (knowledge-base designer) | gemini: the design stages of the custom demo pipeline. */
    Optional<String> llm();

    /** duckdb: template and designed-demo tables generated as parquet (the same in both modes). */
    Optional<String> templateData();

    Gcp gcp();

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

    Setup setup();

    Api api();

    Readiness readiness();

    Tink tink();

    /**
     * Where the local crypto port's Tink keyset comes from when {@code platform.crypto=tink}: the keyset's Tink JSON
     * itself ({@code keyset}, e.g. from PLATFORM_TINK_KEYSET: nothing is written to disk), else a file kept apart from
     * the data directory ({@code keyset-file}), else {@code {data-dir}/keys/local-keyset.json}.
     */
    interface Tink {
        /** The keyset's Tink JSON. */
        Optional<String> keyset();

        /** A keyset file outside the data directory. */
        Optional<String> keysetFile();
    }

    /** api-service's admission control: demo lists and dashboards (ListAdmission), share-link passwords. */
    interface Api {
        /** How many lists and dashboards run at once; one per core when unset. */
        Optional<Integer> listConcurrency();

        /** How many may wait for a permit before the next is refused with 429. */
        @WithDefault("1000")
        int listWaiting();

        /**
         * How many share-link password checks (a slow PBKDF2 each) run at once; the others are answered 503 with
         * Retry-After (ShareAttempts).
         */
        @WithDefault("1")
        int sharePasswordChecks();
    }

    /**
     * Readiness scoring: a READINESS job per finished demo, run by custom-provisioner's POST /tasks/readiness. With the
     * Conversational Analytics agents (platform.agents=capi) each golden question takes one permit of readiness' share
     * of the project's chat quota (platform.gcp.chat-quota-per-minute × quota-share ÷ instances per instance).
     */
    interface Readiness {
        /** The share of the chat quota readiness scoring may use (0 < share ≤ 1); users' chat keeps the rest. */
        @WithDefault("0.5")
        double quotaShare();

        /**
         * How many custom-provisioner instances score readiness at once (the Cloud Run service's max instances): each
         * paces itself to its part of the share, so all of them together stay within it.
         */
        @WithDefault("1")
        int instances();

        /**
         * How long one question may wait for its permit; longer, and the task is answered 503 with Retry-After so the
         * queue delivers it again later (the job keeps no partial score).
         */
        @WithDefault("60s")
        Duration permitWait();
    }

    /** POST /api/setup: onboards a project and provisions its first demo. */
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

        /**
         * Emulator only: the name of a query parameter that may carry the shared secret instead of X-Worker-Secret.
         * The Pub/Sub emulator's push subscriptions cannot add a header, so {@code ./platform up --gcp-emulators} puts
         * the secret in their push endpoint's URL. Off when unset; a start with it set and no emulator configured
         * fails (a secret in a URL ends up in logs and histories).
         */
        Optional<String> secretQueryParameter();

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

    /** The custom-job queue; defaults follow the Cloud Tasks queue `custom-provision` of infra/tasks.tf. */
    interface Custom {
        /** local (task table + dispatcher) | cloudtasks. */
        Optional<String> transport();

        /** Cloud Tasks location of the queue; platform.gcp.region when unset. */
        Optional<String> location();

        /** The service account whose OIDC token Cloud Tasks attaches to each task. */
        Optional<String> serviceAccountEmail();

        /** The token's audience; the worker URL (platform.queue.custom.endpoint) when unset. */
        Optional<String> audience();

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

        /**
         * The cap on deferring a task for a worker's pacing refusals (none of which uses an attempt), from the first
         * deferral. The local task dispatcher sends a task answered 503 or 429 with Retry-After again at that time, and
         * after this long counts such answers as failed attempts; with Cloud Tasks the worker schedules a new task for
         * the job after the wait and fails the job once a wait would pass this long. Keep it, with the attempts' deadlines
         * and backoffs, inside platform.lifecycle.retry-window.custom (6 h), past which the cleanup fails a job still
         * queued.
         */
        @WithDefault("2h")
        Duration maxDeferral();

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

    /** The quick-job queue; defaults follow the push subscription of infra/pubsub.tf. */
    interface Quick {
        /** local (outbox + dispatcher) | pubsub. */
        Optional<String> transport();

        /** How long api-service waits for Pub/Sub to accept a message before failing the job. */
        @WithDefault("20s")
        Duration publishTimeout();

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

    /** The Google Cloud project and, for tests and local runs, the emulators. */
    interface Gcp {
        /** PLATFORM_GCP_PROJECT_ID; required by every gcp adapter. */
        Optional<String> projectId();

        /** host:port of the Firestore emulator; FIRESTORE_EMULATOR_HOST when unset. */
        Optional<String> firestoreEmulatorHost();

        /** host:port of the Pub/Sub emulator; PUBSUB_EMULATOR_HOST when unset. */
        Optional<String> pubsubEmulatorHost();

        @WithDefault("us-central1")
        String region();

        /** Real bucket of logical bucket x is {prefix}x; {project-id}-capi- when unset. */
        Optional<String> bucketPrefix();

        /** projects/…/locations/…/keyRings/…/cryptoKeys/… encrypting API keys and credentials (platform.crypto=kms). */
        Optional<String> kmsKey();

        /** Location of the datasets BigQuery creates. */
        @WithDefault("US")
        String bigqueryLocation();

        /**
         * The most bytes one BigQuery query may bill: the warehouse's own queries (chat SQL, DQ checks) and the
         * queries a Conversational Analytics data agent runs for a chat (its big_query_max_billed_bytes). A query
         * that would bill more fails without being charged. 1 GiB.
         */
        @WithDefault("1073741824")
        long maxBilledBytes();

        /**
         * Conversational Analytics chat requests per minute per project (Google's quota; raise it here after a quota
         * increase). Readiness scoring paces itself to platform.readiness.quota-share of it.
         */
        @WithDefault("30")
        int chatQuotaPerMinute();

        /** Location of the Conversational Analytics data agents. */
        @WithDefault("global")
        String agentsLocation();

        @WithDefault("provision-events")
        String eventsTopic();

        /** Topic of messages for users (expiry warnings), which an email sender subscribes to. */
        @WithDefault("demo-notifications")
        String notificationsTopic();

        /**
         * Vertex AI model of the design stages (platform.llm=gemini); Terraform's designer_model. The default is a
         * model Vertex AI lists as available with a retirement date at least a year out (Google Cloud's "Model
         * versions and lifecycle" page); a gcp-mode start fails when Vertex AI does not serve the configured one.
         */
        @WithDefault("gemini-3.5-flash")
        String llmModel();

        /**
         * Whether a start with platform.llm=gemini asks Vertex AI for the configured model and stops when it is not
         * served (retired, misspelt, not in the region). Off only where Vertex AI cannot be reached (wiring tests).
         */
        @WithDefault("true")
        boolean checkLlmModel();
    }
}
