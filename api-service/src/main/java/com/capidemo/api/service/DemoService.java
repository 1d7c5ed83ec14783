package com.capidemo.api.service;

import com.capidemo.shared.domain.Caller;
import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.port.DemoStore;
import com.capidemo.shared.service.DemoDeletion;
import com.capidemo.shared.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A tenant's demos and who may do what with them: any user of the tenant sees them (another tenant's demo is the
 * same 404 as a missing one); deleting needs the demo's owner or a tenant admin.
 */
@ApplicationScoped
public class DemoService {

    private final DemoStore demos;
    private final DemoDeletion deletion;

    public DemoService(DemoStore demos, DemoDeletion deletion) {
        this.demos = demos;
        this.deletion = deletion;
    }

    /** The full demo, if it belongs to the caller's tenant. */
    public Demo get(Caller caller, String demoId) {
        return demos.find(demoId).filter(d -> d.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> ApiProblem.notFound("demo", demoId));
    }

    /**
     * Deletes the demo (dataset and agent dropped, record kept); deleting it again succeeds.
     *
     * @throws ApiProblem 404 for another tenant's demo, 403 unless owner or admin, 409 while a job works on it
     */
    public void delete(Caller caller, String demoId) {
        Demo demo = get(caller, demoId);
        if (!demo.ownedBy(caller.userEmail()) && !caller.isAdmin()) {
            throw ApiProblem.forbidden("only the demo's owner or a tenant admin may delete demo '" + demoId + "'");
        }
        deletion.delete(demoId);
    }
}
