package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.DemoRestore;
import com.capidemo.core.domain.Demo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** POST /api/demos/{id}/restore: an archived demo comes back to ready (owner only). */
@Path("/api/demos/{demoId}/restore")
@Produces(MediaType.APPLICATION_JSON)
public class DemoRestoreResource {

    private final DemoRestore restore;
    private final CallerContext caller;

    public DemoRestoreResource(DemoRestore restore, CallerContext caller) {
        this.restore = restore;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Demo restore(@PathParam("demoId") String demoId) {
        return restore.restore(caller.caller(), demoId);
    }
}
