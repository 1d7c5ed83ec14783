package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.gcp.CloudTasksQueue;
import com.capidemo.shared.adapter.gcp.EventsTopic;
import com.capidemo.shared.adapter.gcp.PubSubEventPublisher;
import com.capidemo.shared.adapter.gcp.PubSubJobQueue;
import com.capidemo.shared.adapter.local.SqliteEventPublisher;
import com.capidemo.shared.adapter.local.SqliteOutboxQueue;
import com.capidemo.shared.adapter.local.SqliteTaskQueue;
import com.capidemo.shared.config.AdapterConfig;
import com.capidemo.shared.config.PlatformConfig;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.port.EventPublisher;
import com.capidemo.shared.port.JobQueue;
import com.capidemo.shared.port.JobStore;
import com.capidemo.shared.port.TaskQueue;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.tasks.v2.CloudTasksClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * The quick-job queue (platform.queue.quick.transport: local outbox or pubsub), the custom-job queue
 * (platform.queue.custom.transport: local task table or cloudtasks) and completion events (platform.events).
 */
@ApplicationScoped
public class QueueProducers {

    @Produces
    @ApplicationScoped
    JobQueue quickJobQueue(AdapterSelection selection, AdapterConfig config, Instance<SqliteOutboxQueue> outbox,
                           Instance<Publisher> publisher, JobStore jobs, DemoStore demos) {
        return selection.isLocal(Port.QUICK_QUEUE) ? outbox.get()
                : new PubSubJobQueue(publisher.get(), jobs, demos, config.queue().quick().publishTimeout());
    }

    @Produces
    @ApplicationScoped
    TaskQueue customJobQueue(AdapterSelection selection, AdapterConfig adapters, PlatformConfig config,
                             Instance<SqliteTaskQueue> tasks, Instance<CloudTasksClient> client, JobStore jobs,
                             DemoStore demos) {
        if (selection.isLocal(Port.CUSTOM_QUEUE)) {
            return tasks.get();
        }
        AdapterConfig.Custom custom = adapters.queue().custom();
        PlatformConfig.Custom queue = config.queue().custom();
        return new CloudTasksQueue(client.get(), jobs, demos, new CloudTasksQueue.Config(selection.projectId(),
                custom.location().orElse(adapters.gcp().region()), queue.name(), queue.endpoint(),
                custom.serviceAccountEmail().orElseThrow(() -> new IllegalStateException(
                        "platform.queue.custom.transport=cloudtasks needs platform.queue.custom.service-account-email "
                                + "(PLATFORM_QUEUE_CUSTOM_SERVICE_ACCOUNT_EMAIL): the account Cloud Tasks signs OIDC tokens as")),
                custom.audience().orElse(null), queue.dispatchDeadline()));
    }

    @Produces
    @ApplicationScoped
    EventPublisher events(AdapterSelection selection, AdapterConfig config, Instance<SqliteEventPublisher> local,
                          @EventsTopic Instance<Publisher> publisher) {
        return selection.isLocal(Port.EVENTS) ? local.get()
                : new PubSubEventPublisher(publisher.get(), config.queue().quick().publishTimeout());
    }
}
