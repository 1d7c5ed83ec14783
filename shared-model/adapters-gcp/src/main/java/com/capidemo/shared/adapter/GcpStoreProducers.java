package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.gcp.FirestoreConversationStore;
import com.capidemo.shared.adapter.gcp.FirestoreDemoStore;
import com.capidemo.shared.adapter.gcp.FirestoreJobStore;
import com.capidemo.shared.adapter.gcp.FirestoreStepStore;
import com.capidemo.shared.adapter.gcp.FirestoreTenantStore;
import com.capidemo.shared.port.ConversationStore;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.port.JobStore;
import com.capidemo.shared.port.StepStore;
import com.capidemo.shared.port.TenantStore;
import com.google.cloud.firestore.Firestore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** platform.store=firestore: the store ports on Cloud Firestore. */
@ApplicationScoped
public class GcpStoreProducers {

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    JobStore jobStore(Instance<Firestore> firestore) {
        return new FirestoreJobStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    DemoStore demoStore(Instance<Firestore> firestore) {
        return new FirestoreDemoStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    TenantStore tenantStore(Instance<Firestore> firestore) {
        return new FirestoreTenantStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    StepStore stepStore(Instance<Firestore> firestore) {
        return new FirestoreStepStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    ConversationStore conversationStore(Instance<Firestore> firestore) {
        return new FirestoreConversationStore(firestore.get());
    }
}
