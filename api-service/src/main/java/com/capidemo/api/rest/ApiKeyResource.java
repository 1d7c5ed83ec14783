package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.ApiKeyService;
import com.capidemo.api.service.ApiKeyService.Issued;
import com.capidemo.api.service.ApiKeyService.KeyView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/** The users of a tenant as API keys (tenant admins only). */
@Path("/api/v1/tenants/{tenantId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    public record IssueRequest(
            @NotBlank @Email @Size(max = 254) String userEmail,

            @NotBlank @Pattern(regexp = "admin|member", message = "must be admin or member")
            String role) {}

    public record KeyList(String tenantId, List<KeyView> apiKeys) {}

    private final ApiKeyService keys;
    private final CallerContext caller;

    public ApiKeyResource(ApiKeyService keys, CallerContext caller) {
        this.keys = keys;
        this.caller = caller;
    }

    /** 201 with the key, shown this once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("tenantId") String tenantId, @Valid @NotNull IssueRequest request) {
        Issued issued = keys.issue(caller.caller(), tenantId, request.userEmail(), request.role());
        return Response.status(201).entity(issued).build();
    }

    @GET
    public KeyList list(@PathParam("tenantId") String tenantId) {
        return new KeyList(tenantId, keys.list(caller.caller(), tenantId));
    }

    /** The key is refused (401) from the next request on; revoking it again is 204 too. */
    @DELETE
    @Path("/{keyId}")
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("keyId") String keyId) {
        keys.revoke(caller.caller(), tenantId, keyId);
        return Response.noContent().build();
    }
}
