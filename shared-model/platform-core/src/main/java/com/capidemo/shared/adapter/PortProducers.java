package com.capidemo.shared.adapter;

import com.capidemo.shared.port.ChatAgent;
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
import com.capidemo.shared.port.Warehouse;
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
}
