package com.capidemo.shared.adapter.local;

import com.capidemo.shared.adapter.Adapter;
import com.capidemo.shared.port.ConversationStore;
import com.capidemo.shared.port.Crypto;
import com.capidemo.shared.port.DataAgents;
import com.capidemo.shared.port.Datasets;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.port.EventPublisher;
import com.capidemo.shared.port.JobQueue;
import com.capidemo.shared.port.JobStore;
import com.capidemo.shared.port.ObjectStore;
import com.capidemo.shared.port.StepStore;
import com.capidemo.shared.port.TaskQueue;
import com.capidemo.shared.port.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;

/**
 * The embedded adapters this module offers, each under the configuration value that selects it (see
 * {@link com.capidemo.shared.adapter.PortProducers}); nothing here is created unless selected.
 */
@ApplicationScoped
public class LocalAdapters {

    @Produces
    @Adapter("sqlite")
    JobStore jobStore(SqliteJobStore store) {
        return store;
    }

    @Produces
    @Adapter("sqlite")
    DemoStore demoStore(SqliteDemoStore store) {
        return store;
    }

    @Produces
    @Adapter("sqlite")
    TenantStore tenantStore(SqliteTenantStore store) {
        return store;
    }

    @Produces
    @Adapter("sqlite")
    StepStore stepStore(SqliteStepStore store) {
        return store;
    }

    @Produces
    @Adapter("sqlite")
    ConversationStore conversationStore(SqliteConversationStore store) {
        return store;
    }

    /** platform.queue.quick.transport=local: the outbox row is written with the job, then pushed by the dispatcher. */
    @Produces
    @Adapter("local")
    JobQueue quickJobQueue(SqliteOutboxQueue outbox) {
        return outbox;
    }

    /** platform.queue.custom.transport=local: the task row is written with the job, then dispatched. */
    @Produces
    @Adapter("local")
    TaskQueue customJobQueue(SqliteTaskQueue tasks) {
        return tasks;
    }

    @Produces
    @Adapter("local")
    EventPublisher events(SqliteEventPublisher events) {
        return events;
    }

    @Produces
    @Adapter("local")
    ObjectStore objectStore(LocalObjectStore objects) {
        return objects;
    }

    @Produces
    @Adapter("tink")
    Crypto crypto(TinkCrypto tink) {
        return tink;
    }

    @Produces
    @Adapter("local")
    DataAgents dataAgents(LocalDataAgents agents) {
        return agents;
    }

    /** The datasets of the DuckDB warehouse are folders: lifecycle work needs no DuckDB for them. */
    @Produces
    @Adapter("duckdb")
    @Typed(Datasets.class)
    Datasets datasets(LocalDatasetFolders folders) {
        return folders;
    }
}
