package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.ShareService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** A demo's share links, managed by its owner or a tenant admin. */
@Path("/api/demos/{demoId}")
@Produces(MediaType.APPLICATION_JSON)
public class ShareResource {

    /** {@code expires_in_days} 1-90 (default 7); an optional password of 1-200 characters. */
    public record ShareRequest(@Min(1) @Max(ShareService.MAX_DAYS) Integer expiresInDays,
                               @Size(min = 1, max = 200) String password) {
    }

    private final ShareService shares;
    private final CallerContext caller;

    public ShareResource(ShareService shares, CallerContext caller) {
        this.shares = shares;
        this.caller = caller;
    }

    /** 201 with the token (shown here and in the owner's list), its share_url and expires_at. A body is optional. */
    @POST
    @Path("/share")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response share(@PathParam("demoId") String demoId, @Valid ShareRequest request) {
        ShareRequest r = request == null ? new ShareRequest(null, null) : request;
        ShareService.Created created = shares.create(caller.caller(), demoId,
                r.expiresInDays() == null ? ShareService.DEFAULT_DAYS : r.expiresInDays(),
                Optional.ofNullable(r.password()));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("/shares")
    public Links list(@PathParam("demoId") String demoId) {
        return new Links(shares.list(caller.caller(), demoId));
    }

    public record Links(List<ShareService.Link> shares) {
    }

    @DELETE
    @Path("/shares/{token}")
    public Response revoke(@PathParam("demoId") String demoId, @PathParam("token") String token) {
        shares.revoke(caller.caller(), demoId, token);
        return Response.noContent().build();
    }
}
