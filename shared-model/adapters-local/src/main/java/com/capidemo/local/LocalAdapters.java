package com.capidemo.local;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.adapter.Port;
import com.capidemo.core.port.ConversationStore;
import com.capidemo.core.port.Crypto;
import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.Datasets;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.EventPublisher;
import com.capidemo.core.port.InsightsStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.LifecycleRunStore;
import com.capidemo.core.port.NotificationStore;
import com.capidemo.core.port.ObjectStore;
import com.capidemo.core.port.ShareStore;
import com.capidemo.core.port.StepStore;
import com.capidemo.core.port.TaskQueue;
import com.capidemo.core.port.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;

/**
 * The embedded adapters this module offers, each under the configuration value that selects it (see
 * {@link com.capidemo.core.adapter.PortProducers}); nothing here is created unless selected.
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

    @Produces
    @Adapter("sqlite")
    NotificationStore notificationStore(SqliteNotificationStore store) {
        return store;
    }

    @Produces
    @Adapter("sqlite")
    LifecycleRunStore lifecycleRunStore(SqliteLifecycleRunStore store) {
        return store;
    }

    @Produces
    @Adapter("sqlite")
    ShareStore shareStore(SqliteShareStore store) {
        return store;
    }

    @Produces
    @Adapter("sqlite")
    InsightsStore insightsStore(SqliteInsightsStore store) {
        return store;
    }

    /** platform.queue.quick.transport=local: the outbox row is written with the job, then pushed by the dispatcher. */
    @Produces
    @Adapter("local")
    JobQueue quickJobQueue(SqliteOutboxQueue outbox) {
        return outbox;
    }

    /**
     * platform.queue.custom.transport=local: the task row is written with the job in one SQLite transaction, then
     * dispatched; when the jobs live in another store (Firestore), the job is stored first and the task row added
     * after it, as Cloud Tasks is used.
     */
    @Produces
    @Adapter("local")
    TaskQueue customJobQueue(
            AdapterSelection selection, Instance<SqliteTaskQueue> sameStore, Instance<TaskTableQueue> otherStore) {
        return selection.isLocal(Port.STORE) ? sameStore.get() : otherStore.get();
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
