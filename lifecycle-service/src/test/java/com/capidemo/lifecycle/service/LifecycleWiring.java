package com.capidemo.lifecycle.service;

import com.capidemo.core.port.DataAgents;
import com.capidemo.core.port.Datasets;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.EventPublisher;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.LifecycleRunStore;
import com.capidemo.core.port.NotificationStore;
import com.capidemo.core.service.DemoDeletion;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/** The lifecycle services wired by hand over given ports, as CDI wires them in the service (plain tests, the bench). */
record LifecycleWiring(
        DemoStore demos,
        JobStore jobs,
        NotificationStore notifications,
        LifecycleRunStore runs,
        Datasets datasets,
        DataAgents agents,
        EventPublisher events,
        Clock clock,
        LifecyclePolicy policy,
        MeterRegistry metrics) {

    Cleanup cleanup() {
        DemoDeletion deletion = new DemoDeletion(demos, jobs, datasets, agents, clock);
        return new Cleanup(
                new Archival(demos, policy),
                new Deletion(demos, deletion, policy),
                new LeftoverDatasets(datasets, demos, policy),
                new AbandonedJobs(jobs, demos, QueueRetryWindows.defaults(), policy),
                recorder(),
                metrics);
    }

    ExpiryWarnings warnings() {
        NotificationDelivery delivery = new NotificationDelivery(notifications, events, policy, clock);
        return new ExpiryWarnings(demos, notifications, delivery, policy, recorder(), metrics);
    }

    private RunRecorder recorder() {
        return new RunRecorder(runs, clock, metrics, Duration.ofMinutes(30));
    }
}
