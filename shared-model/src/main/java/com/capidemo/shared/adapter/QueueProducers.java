package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.gcp.PubSubJobQueue;
import com.capidemo.shared.adapter.local.SqliteOutboxQueue;
import com.capidemo.shared.config.AdapterConfig;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.port.JobQueue;
import com.capidemo.shared.port.JobStore;
import com.google.cloud.pubsub.v1.Publisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * The quick-job queue, from platform.queue.quick.transport: local (SQLite outbox pushed by the dispatcher) or pubsub.
 * The custom-job queue (platform.queue.custom.transport) gets its producer here once TaskQueue has adapters.
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
}
