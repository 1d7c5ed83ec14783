package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.DemoReadCache;
import com.capidemo.api.service.DemoService;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoCursor;
import com.capidemo.core.domain.DemoFilter;
import com.capidemo.core.domain.DemoSearch;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.web.ApiProblem;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

@Path("/api/demos")
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

    private final DemoService service;
    private final CallerContext caller;
    private final DemoReadCache cache;

    public DemoResource(DemoService service, CallerContext caller, DemoReadCache cache) {
        this.service = service;
        this.caller = caller;
        this.cache = cache;
    }

    private record ListQuery(DemoFilter filter, Optional<DemoCursor> after, int limit) {}

    /**
     * The tenant's demos newest first as compact items, {@code limit} (default 50, at most 100) at a time; filters
     * combine; {@code next_cursor} (null after the last page) is passed back as {@code cursor} for the next page.
     * Kept while the tenant's demos are unchanged (DemoReadCache).
     */
    @GET
    @APIResponseSchema(DemoService.Page.class)
    public byte[] list(
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("status") String status,
            @QueryParam("template_id") String templateId,
            @QueryParam("pinned") String pinned,
            @QueryParam("created_by") String createdBy,
            @QueryParam("q") String q) {
        DemoFilter filter = new DemoFilter(
                status(status),
                text(templateId, "template_id", 64),
                pinned(pinned),
                text(createdBy, "created_by", 254),
                text(q, "q", DemoSearch.MAX_QUERY_LENGTH));
        Optional<DemoCursor> after = cursor == null || cursor.isEmpty()
                ? Optional.empty()
                : Optional.of(DemoCursor.decode(cursor)
                        .orElseThrow(() -> ApiProblem.invalid("cursor", "is not a cursor this API returned")));
        Caller me = caller.caller();
        int n = limit(limit);
        return cache.json(me.tenantId(), new ListQuery(filter, after, n), () -> service.list(me, filter, after, n));
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DemoService.DEFAULT_PAGE;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= DemoService.MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid("limit", "must be a whole number from 1 to " + DemoService.MAX_PAGE);
    }

    private static Optional<DemoStatus> status(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DemoStatus.fromWire(value));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("status", "must be one of provisioning, ready, failed, archived, deleted");
        }
    }

    private static Optional<Boolean> pinned(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiProblem.invalid("pinned", "must be true or false");
        }
        return Optional.of(Boolean.parseBoolean(value));
    }

    private static Optional<String> text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > max) {
            throw ApiProblem.invalid(field, "must be at most " + max + " characters");
        }
        return Optional.of(value.strip());
    }

    @GET
    @Path("/{demoId}")
    public Demo get(@PathParam("demoId") String demoId) {
        return service.get(caller.caller(), demoId);
    }

    /** Owner only; pinning a pinned demo is 200 again with the first pinned_at. */
    @POST
    @Path("/{demoId}/pin")
    public DemoService.PinState pin(@PathParam("demoId") String demoId) {
        return service.pin(caller.caller(), demoId, true);
    }

    @POST
    @Path("/{demoId}/unpin")
    public DemoService.PinState unpin(@PathParam("demoId") String demoId) {
        return service.pin(caller.caller(), demoId, false);
    }

    /** Drops the dataset and the agent and keeps the record as deleted; 204 again for a deleted demo. */
    @DELETE
    @Path("/{demoId}")
    public Response delete(@PathParam("demoId") String demoId) {
        service.delete(caller.caller(), demoId);
        return Response.noContent().build();
    }
}
