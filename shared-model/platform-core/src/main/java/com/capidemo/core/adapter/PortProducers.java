package com.capidemo.core.adapter;

import com.capidemo.core.port.ChatAgent;
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
import com.capidemo.core.port.TemplateDataWriter;
import com.capidemo.core.port.TenantStore;
import com.capidemo.core.port.Warehouse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;

/**
 * The default bean of every port: the {@link Adapter} that {@link AdapterSelection} chose among those the service's
 * adapter modules offer. This class imports no adapter; the adapter modules register theirs under their names.
 */
@ApplicationScoped
public class PortProducers {

    private final AdapterSelection selection;

    public PortProducers(AdapterSelection selection) {
        this.selection = selection;
    }

    @Produces
    @ApplicationScoped
    JobStore jobStore(@Any Instance<JobStore> adapters) {
        return Adapters.pick(adapters, selection, Port.STORE);
    }

    @Produces
    @ApplicationScoped
    DemoStore demoStore(@Any Instance<DemoStore> adapters) {
        return Adapters.pick(adapters, selection, Port.STORE);
    }

    @Produces
    @ApplicationScoped
    TenantStore tenantStore(@Any Instance<TenantStore> adapters) {
        return Adapters.pick(adapters, selection, Port.STORE);
    }

    @Produces
    @ApplicationScoped
    StepStore stepStore(@Any Instance<StepStore> adapters) {
        return Adapters.pick(adapters, selection, Port.STORE);
    }

    @Produces
    @ApplicationScoped
    ConversationStore conversationStore(@Any Instance<ConversationStore> adapters) {
        return Adapters.pick(adapters, selection, Port.STORE);
    }

    @Produces
    @ApplicationScoped
    NotificationStore notificationStore(@Any Instance<NotificationStore> adapters) {
        return Adapters.pick(adapters, selection, Port.STORE);
    }

    @Produces
    @ApplicationScoped
    LifecycleRunStore lifecycleRunStore(@Any Instance<LifecycleRunStore> adapters) {
        return Adapters.pick(adapters, selection, Port.STORE);
    }

    @Produces
    @ApplicationScoped
    ShareStore shareStore(@Any Instance<ShareStore> adapters) {
        return Adapters.pick(adapters, selection, Port.STORE);
    }

    @Produces
    @ApplicationScoped
    InsightsStore insightsStore(@Any Instance<InsightsStore> adapters) {
        return Adapters.pick(adapters, selection, Port.STORE);
    }

    @Produces
    @ApplicationScoped
    JobQueue quickJobQueue(@Any Instance<JobQueue> adapters) {
        return Adapters.pick(adapters, selection, Port.QUICK_QUEUE);
    }

    @Produces
    @ApplicationScoped
    TaskQueue customJobQueue(@Any Instance<TaskQueue> adapters) {
        return Adapters.pick(adapters, selection, Port.CUSTOM_QUEUE);
    }

    @Produces
    @ApplicationScoped
    EventPublisher events(@Any Instance<EventPublisher> adapters) {
        return Adapters.pick(adapters, selection, Port.EVENTS);
    }

    @Produces
    @ApplicationScoped
    @Typed(Warehouse.class)
    Warehouse warehouse(@Any Instance<Warehouse> adapters) {
        return Adapters.pick(adapters, selection, Port.WAREHOUSE);
    }

    /** The warehouse's datasets alone, for services that never query (lifecycle): no query engine needed. */
    @Produces
    @ApplicationScoped
    @Typed(Datasets.class)
    Datasets datasets(@Any Instance<Datasets> adapters) {
        return Adapters.pick(adapters, selection, Port.WAREHOUSE);
    }

    @Produces
    @ApplicationScoped
    ObjectStore objectStore(@Any Instance<ObjectStore> adapters) {
        return Adapters.pick(adapters, selection, Port.OBJECTS);
    }

    @Produces
    @ApplicationScoped
    Crypto crypto(@Any Instance<Crypto> adapters) {
        return Adapters.pick(adapters, selection, Port.CRYPTO);
    }

    @Produces
    @ApplicationScoped
    DataAgents dataAgents(@Any Instance<DataAgents> adapters) {
        return Adapters.pick(adapters, selection, Port.AGENTS);
    }

    @Produces
    @ApplicationScoped
    ChatAgent chatAgent(@Any Instance<ChatAgent> adapters) {
        return Adapters.pick(adapters, selection, Port.AGENTS);
    }

    @Produces
    @ApplicationScoped
    TemplateDataWriter templateData(@Any Instance<TemplateDataWriter> adapters) {
        return Adapters.pick(adapters, selection, Port.TEMPLATE_DATA);
    }
}
