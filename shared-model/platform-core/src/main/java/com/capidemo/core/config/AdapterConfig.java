package com.capidemo.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Which adapter serves each port. {@code platform.mode} gives the defaults (local → embedded engines, gcp → Google
 * services); each port's own key overrides it, so tests can mix an emulator with embedded parts. The choice is made
 * once, in {@link com.capidemo.core.adapter.AdapterSelection}; every key is in docs/configuration.md.
 */
@ConfigMapping(prefix = "platform")
public interface AdapterConfig {

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

    Queue queue();

    Gcp gcp();

    interface Queue {
        Quick quick();

        Custom custom();
    }

    interface Quick {
        /** local (outbox + dispatcher) | pubsub. */
        Optional<String> transport();

        /** How long api-service waits for Pub/Sub to accept a message before failing the job. */
        @WithDefault("20s")
        Duration publishTimeout();
    }

    interface Custom {
        /** local (task table + dispatcher) | cloudtasks. */
        Optional<String> transport();

        /** Cloud Tasks location of the queue; platform.gcp.region when unset. */
        Optional<String> location();

        /** The service account whose OIDC token Cloud Tasks attaches to each task. */
        Optional<String> serviceAccountEmail();

        /** The token's audience; the worker URL (platform.queue.custom.endpoint) when unset. */
        Optional<String> audience();
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
