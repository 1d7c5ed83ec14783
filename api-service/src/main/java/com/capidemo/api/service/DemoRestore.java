package com.capidemo.api.service;

import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.port.Datasets;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.web.ApiProblem;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Brings an archived demo back (POST /api/demos/{id}/restore): archived → ready with last_used reset, so it gets a new
 * 90 days. Only its owner may; another tenant's demo does not exist for the caller. The dataset was kept when the demo
 * was archived; a demo whose dataset is gone (deleted meanwhile) cannot come back.
 */
@ApplicationScoped
public class DemoRestore {

    private final DemoStore demos;
    private final Datasets datasets;
    private final Clock clock;

    public DemoRestore(DemoStore demos, Datasets datasets, Clock clock) {
        this.demos = demos;
        this.datasets = datasets;
        this.clock = clock;
    }

    public Demo restore(Caller caller, String demoId) {
        Demo demo = demos.find(demoId)
                .filter(d -> d.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> ApiProblem.notFound("demo", demoId));
        if (demo.createdBy() == null || !demo.createdBy().equals(caller.userEmail())) {
            throw ApiProblem.forbidden("only the demo's owner may restore it");
        }
        if (demo.status() != DemoStatus.ARCHIVED) {
            throw notArchived(demo);
        }
        if (demo.datasetId() == null || !datasets.datasetExists(demo.datasetId())) {
            throw ApiProblem.conflict(
                    "demo-dataset-missing",
                    "Demo '" + demoId + "' cannot be restored: its dataset " + "no longer exists");
        }
        if (!demos.restore(demoId, clock.instant())) {
            // restored or deleted since it was read, or still archived but the lifecycle has begun deleting it
            Demo now = demos.find(demoId).orElse(demo);
            if (now.status() == DemoStatus.ARCHIVED) {
                throw ApiProblem.conflict(
                        "demo-being-deleted",
                        "Demo '" + demoId + "' cannot be restored: it was "
                                + "archived long enough ago that its deletion has begun");
            }
            throw notArchived(now);
        }
        Log.infof("restored demo %s of tenant %s", demoId, demo.tenantId());
        return demos.find(demoId).orElseThrow();
    }

    private static ApiProblem notArchived(Demo demo) {
        return ApiProblem.conflict(
                "demo-not-archived",
                "Demo '" + demo.demoId() + "' is " + demo.status().wire() + "; only an archived demo can be restored");
    }
}
