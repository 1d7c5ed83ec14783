package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.ShareService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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

    /**
     * {@code expires_in_days} 1-90 (default 7); an optional password of 1-200 characters. A viewer sends the password
     * in the X-Share-Password header, which carries printable ASCII and loses leading and trailing spaces: a password
     * is therefore printable ASCII without a leading or trailing space (else 422 naming {@code password}), so that
     * every password accepted here can be typed in again.
     */
    public record ShareRequest(
            @Min(1) @Max(ShareService.MAX_DAYS) Integer expiresInDays,

            @Size(min = 1, max = 200) @Pattern(regexp = SHARE_PASSWORD, message = SHARE_PASSWORD_RULE)
            String password) {}

    /** Printable ASCII, starting and ending with a visible character. */
    static final String SHARE_PASSWORD = "[\\x21-\\x7E](?:[\\x20-\\x7E]*[\\x21-\\x7E])?";

    static final String SHARE_PASSWORD_RULE = "must be printable ASCII (letters, digits, punctuation, inner spaces) "
            + "without leading or trailing spaces: it is sent in the X-Share-Password header";

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
        ShareService.Created created = shares.create(
                caller.caller(),
                demoId,
                r.expiresInDays() == null ? ShareService.DEFAULT_DAYS : r.expiresInDays(),
                Optional.ofNullable(r.password()));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("/shares")
    public Links list(@PathParam("demoId") String demoId) {
        return new Links(shares.list(caller.caller(), demoId));
    }

    public record Links(List<ShareService.Link> shares) {}

    @DELETE
    @Path("/shares/{token}")
    public Response revoke(@PathParam("demoId") String demoId, @PathParam("token") String token) {
        shares.revoke(caller.caller(), demoId, token);
        return Response.noContent().build();
    }
}
