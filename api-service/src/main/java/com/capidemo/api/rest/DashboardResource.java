package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.DemoReadCache;
import com.capidemo.api.service.DemoService;
import com.capidemo.core.domain.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** The caller's dashboard: counts, pinned and recent demos. */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    private final DemoService demos;
    private final CallerContext caller;
    private final DemoReadCache cache;

    public DashboardResource(DemoService demos, CallerContext caller, DemoReadCache cache) {
        this.demos = demos;
        this.caller = caller;
        this.cache = cache;
    }

    private record DashboardQuery(String user, String role) {}

    /** Kept while the tenant's demos are unchanged and the month's count stays the same (DemoReadCache). */
    @GET
    @APIResponseSchema(DemoService.Dashboard.class)
    public byte[] dashboard() {
        Caller me = caller.caller();
        return cache.json(
                me.tenantId(),
                new DashboardQuery(me.userEmail(), me.role()),
                () -> demos.dashboard(me),
                DemoService.Dashboard::countsChangeAt);
    }
}
