package com.capidemo.gcp;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.port.ConversationStore;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.InsightsStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.LifecycleRunStore;
import com.capidemo.core.port.NotificationStore;
import com.capidemo.core.port.ShareStore;
import com.capidemo.core.port.StepStore;
import com.capidemo.core.port.TenantStore;
import com.google.cloud.firestore.Firestore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** platform.store=firestore: the store ports on Cloud Firestore, each call a client span (see {@link Guarded}). */
@ApplicationScoped
public class GcpStoreProducers {

    private static final String FIRESTORE = "firestore";

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    JobStore jobStore(Instance<Firestore> firestore, Clock clock) {
        return Guarded.traced(JobStore.class, new FirestoreJobStore(firestore.get(), clock), FIRESTORE);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    DemoStore demoStore(Instance<Firestore> firestore, Clock clock) {
        return Guarded.traced(DemoStore.class, new FirestoreDemoStore(firestore.get(), clock), FIRESTORE);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    TenantStore tenantStore(Instance<Firestore> firestore) {
        return Guarded.traced(TenantStore.class, new FirestoreTenantStore(firestore.get()), FIRESTORE);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    StepStore stepStore(Instance<Firestore> firestore) {
        return Guarded.traced(StepStore.class, new FirestoreStepStore(firestore.get()), FIRESTORE);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    ConversationStore conversationStore(Instance<Firestore> firestore, Clock clock) {
        return Guarded.traced(
                ConversationStore.class, new FirestoreConversationStore(firestore.get(), clock), FIRESTORE);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    NotificationStore notificationStore(Instance<Firestore> firestore) {
        return Guarded.traced(NotificationStore.class, new FirestoreNotificationStore(firestore.get()), FIRESTORE);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    LifecycleRunStore lifecycleRunStore(Instance<Firestore> firestore) {
        return Guarded.traced(LifecycleRunStore.class, new FirestoreLifecycleRunStore(firestore.get()), FIRESTORE);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    ShareStore shareStore(Instance<Firestore> firestore) {
        return Guarded.traced(ShareStore.class, new FirestoreShareStore(firestore.get()), FIRESTORE);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    InsightsStore insightsStore(Instance<Firestore> firestore) {
        return Guarded.traced(InsightsStore.class, new FirestoreInsightsStore(firestore.get()), FIRESTORE);
    }
}
