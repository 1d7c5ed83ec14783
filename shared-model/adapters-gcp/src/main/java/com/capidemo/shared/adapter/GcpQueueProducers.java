package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.gcp.CloudTasksQueue;
import com.capidemo.shared.adapter.gcp.EventsTopic;
import com.capidemo.shared.adapter.gcp.PubSubEventPublisher;
import com.capidemo.shared.adapter.gcp.PubSubJobQueue;
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
 * platform.queue.quick.transport=pubsub (topic provision-jobs), platform.queue.custom.transport=cloudtasks and
 * platform.events=pubsub (topic provision-events).
 */
@ApplicationScoped
public class GcpQueueProducers {

    @Produces
    @ApplicationScoped
    @Adapter("pubsub")
    JobQueue quickJobQueue(AdapterConfig config, Instance<Publisher> publisher, JobStore jobs, DemoStore demos) {
        return new PubSubJobQueue(publisher.get(), jobs, demos, config.queue().quick().publishTimeout());
    }

    @Produces
    @ApplicationScoped
    @Adapter("cloudtasks")
    TaskQueue customJobQueue(AdapterSelection selection, AdapterConfig adapters, PlatformConfig config,
                             Instance<CloudTasksClient> client, JobStore jobs, DemoStore demos) {
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
    @Adapter("pubsub")
    EventPublisher events(AdapterConfig config, @EventsTopic Instance<Publisher> publisher) {
        return new PubSubEventPublisher(publisher.get(), config.queue().quick().publishTimeout());
    }
}
