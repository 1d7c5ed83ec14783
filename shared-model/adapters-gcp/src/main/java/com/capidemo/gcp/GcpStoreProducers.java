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

/** platform.store=firestore: the store ports on Cloud Firestore. */
@ApplicationScoped
public class GcpStoreProducers {

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    JobStore jobStore(Instance<Firestore> firestore, Clock clock) {
        return new FirestoreJobStore(firestore.get(), clock);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    DemoStore demoStore(Instance<Firestore> firestore, Clock clock) {
        return new FirestoreDemoStore(firestore.get(), clock);
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
    ConversationStore conversationStore(Instance<Firestore> firestore, Clock clock) {
        return new FirestoreConversationStore(firestore.get(), clock);
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    NotificationStore notificationStore(Instance<Firestore> firestore) {
        return new FirestoreNotificationStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    LifecycleRunStore lifecycleRunStore(Instance<Firestore> firestore) {
        return new FirestoreLifecycleRunStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    ShareStore shareStore(Instance<Firestore> firestore) {
        return new FirestoreShareStore(firestore.get());
    }

    @Produces
    @ApplicationScoped
    @Adapter("firestore")
    InsightsStore insightsStore(Instance<Firestore> firestore) {
        return new FirestoreInsightsStore(firestore.get());
    }
}
