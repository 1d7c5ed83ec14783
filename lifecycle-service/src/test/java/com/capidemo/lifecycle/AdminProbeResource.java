package com.capidemo.lifecycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * A test-only admin endpoint: lifecycle-service has no /api/admin/ handlers before issue 12, and a JAX-RS filter runs
 * only for a matched resource, so this one lets the tests reach WorkerAuthFilter and the JSON rules on that path.
 */
@Path("/api/admin/probe")
public class AdminProbeResource {

    public record Probe(@Size(max = 100) String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> probe(@Valid @NotNull Probe probe) {
        return Map.of("ok", true);
    }
}
