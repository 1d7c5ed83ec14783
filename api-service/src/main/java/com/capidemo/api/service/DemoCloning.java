package com.capidemo.api.service;

import com.capidemo.api.service.ProvisionService.Accepted;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.Job;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobQueue;
import com.capidemo.core.service.CloneJobs;
import com.capidemo.core.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Accepts clones of a demo: any user of the demo's tenant may clone a ready demo (a CE reusing a colleague's demo for
 * another prospect is the point of cloning) and becomes the clone's owner; another tenant's demo is the same 404 as a
 * missing one; a demo that is not ready (provisioning, failed, archived, deleted) is a 409. The clone's demo and its
 * {@code clone} job are written with their message in one submit to the quick-job queue and answered at once.
 */
@ApplicationScoped
public class DemoCloning {

    /** The longest customer name, as for quick provisioning. */
    public static final int MAX_CUSTOMER_NAME = 120;

    static final String COPY_SUFFIX = " (copy)";

    private final DemoStore demos;
    private final JobQueue queue;
    private final MeterRegistry metrics;
    private final Clock clock;

    public DemoCloning(DemoStore demos, JobQueue queue, MeterRegistry metrics, Clock clock) {
        this.demos = demos;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Queues a clone of the demo named {@code newCustomerName} (blank: the source's name with " (copy)").
     *
     * @throws ApiProblem 404 for a missing or another tenant's demo, 409 when it is not ready
     */
    @WithSpan("provision.clone.accept")
    public Accepted cloneDemo(Caller caller, String sourceId, String newCustomerName) {
        Demo source = demos.find(sourceId)
                .filter(d -> d.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> ApiProblem.notFound("demo", sourceId));
        if (source.status() != DemoStatus.READY) {
            throw ApiProblem.conflict(
                    "demo-not-ready",
                    "Demo '" + sourceId + "' is " + source.status().wire() + "; only a ready demo can be cloned");
        }
        String name = newCustomerName == null || newCustomerName.isBlank()
                ? copyName(source.customerName())
                : newCustomerName.strip();
        Job job = CloneJobs.submit(queue, source, caller.userEmail(), name, clock.instant());
        String template = source.templateId() == null ? "custom" : source.templateId();
        metrics.counter("provision.accepted", "type", "clone", "template", template)
                .increment();
        Log.infof(
                "accepted clone job %s: demo %s of tenant %s copies %s for %s",
                job.jobId(), job.demoId(), caller.tenantId(), sourceId, caller.userEmail());
        return new Accepted(job.jobId(), job.demoId(), "queued", "/api/provision/status/" + job.jobId());
    }

    /** "{source name} (copy)", the source's name shortened so that it fits the longest customer name. */
    static String copyName(String sourceName) {
        String base = sourceName == null ? "Demo" : sourceName.strip();
        int room = MAX_CUSTOMER_NAME - COPY_SUFFIX.length();
        return (base.length() > room ? base.substring(0, room).strip() : base) + COPY_SUFFIX;
    }
}
