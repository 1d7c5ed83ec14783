package com.capidemo.gcp;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.EventPublisher;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.TaskQueue;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.tasks.v2.CloudTasksClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Map;

/**
 * platform.queue.quick.transport=pubsub (topic provision-jobs), platform.queue.custom.transport=cloudtasks and
 * platform.events=pubsub (topics provision-events and demo-notifications).
 */
@ApplicationScoped
public class GcpQueueProducers {

    @Produces
    @ApplicationScoped
    @Adapter("pubsub")
    JobQueue quickJobQueue(PlatformConfig config, Instance<Publisher> publisher, JobStore jobs, DemoStore demos) {
        return new PubSubJobQueue(
                publisher.get(), jobs, demos, config.queue().quick().publishTimeout());
    }

    @Produces
    @ApplicationScoped
    @Adapter("cloudtasks")
    TaskQueue customJobQueue(
            AdapterSelection selection,
            PlatformConfig config,
            Instance<CloudTasksClient> client,
            JobStore jobs,
            DemoStore demos,
            Clock clock) {
        PlatformConfig.Custom queue = config.queue().custom();
        return new CloudTasksQueue(
                client.get(),
                jobs,
                demos,
                new CloudTasksQueue.Config(
                        selection.projectId(),
                        queue.location().orElse(config.gcp().region()),
                        queue.name(),
                        queue.endpoint(),
                        queue.serviceAccountEmail()
                                .orElseThrow(
                                        () -> new IllegalStateException(
                                                "platform.queue.custom.transport=cloudtasks needs platform.queue.custom.service-account-email "
                                                        + "(PLATFORM_QUEUE_CUSTOM_SERVICE_ACCOUNT_EMAIL): the account Cloud Tasks signs OIDC tokens as")),
                        queue.audience().orElse(null),
                        queue.dispatchDeadline()),
                clock);
    }

    @Produces
    @ApplicationScoped
    @Adapter("pubsub")
    EventPublisher events(
            PlatformConfig config,
            @EventsTopic Instance<Publisher> events,
            @NotificationsTopic Instance<Publisher> notifications) {
        return new PubSubEventPublisher(
                Map.of(
                        EventPublisher.PROVISION_EVENTS,
                        events::get,
                        EventPublisher.DEMO_NOTIFICATIONS,
                        notifications::get),
                config.queue().quick().publishTimeout());
    }
}
