package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.gcp.FirestoreConversationStore;
import com.capidemo.shared.adapter.gcp.FirestoreDemoStore;
import com.capidemo.shared.adapter.gcp.FirestoreJobStore;
import com.capidemo.shared.adapter.gcp.FirestoreStepStore;
import com.capidemo.shared.adapter.gcp.FirestoreTenantStore;
import com.capidemo.shared.adapter.local.SqliteConversationStore;
import com.capidemo.shared.adapter.local.SqliteDemoStore;
import com.capidemo.shared.adapter.local.SqliteJobStore;
import com.capidemo.shared.adapter.local.SqliteStepStore;
import com.capidemo.shared.adapter.local.SqliteTenantStore;
import com.capidemo.shared.port.ConversationStore;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.port.JobStore;
import com.capidemo.shared.port.StepStore;
import com.capidemo.shared.port.TenantStore;
import com.google.cloud.firestore.Firestore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The store ports, from platform.store: sqlite (the shared local file) or firestore. */
@ApplicationScoped
public class StoreProducers {

    @Produces
    @ApplicationScoped
    JobStore jobStore(AdapterSelection selection, Instance<SqliteJobStore> sqlite, Instance<Firestore> firestore) {
        return selection.isLocal(Port.STORE) ? sqlite.get() : new FirestoreJobStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    DemoStore demoStore(AdapterSelection selection, Instance<SqliteDemoStore> sqlite, Instance<Firestore> firestore) {
        return selection.isLocal(Port.STORE) ? sqlite.get() : new FirestoreDemoStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    TenantStore tenantStore(AdapterSelection selection, Instance<SqliteTenantStore> sqlite,
                            Instance<Firestore> firestore) {
        return selection.isLocal(Port.STORE) ? sqlite.get() : new FirestoreTenantStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    StepStore stepStore(AdapterSelection selection, Instance<SqliteStepStore> sqlite, Instance<Firestore> firestore) {
        return selection.isLocal(Port.STORE) ? sqlite.get() : new FirestoreStepStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    ConversationStore conversationStore(AdapterSelection selection, Instance<SqliteConversationStore> sqlite,
                                        Instance<Firestore> firestore) {
        return selection.isLocal(Port.STORE) ? sqlite.get() : new FirestoreConversationStore(firestore.get());
    }
}
