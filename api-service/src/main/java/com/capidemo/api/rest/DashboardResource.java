package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.DemoService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's dashboard: counts, pinned and recent demos (seed 001 Phase 5). */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    private final DemoService demos;
    private final CallerContext caller;

    public DashboardResource(DemoService demos, CallerContext caller) {
        this.demos = demos;
        this.caller = caller;
    }

    @GET
    public DemoService.Dashboard dashboard() {
        return demos.dashboard(caller.caller());
    }
}
