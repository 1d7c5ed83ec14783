package com.capidemo.api.rest;

import com.capidemo.api.service.ShareService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** What the holder of a share link sees and asks, without an API key; a password goes in X-Share-Password. */
@Path("/api/shared/{token}")
@Produces(MediaType.APPLICATION_JSON)
public class SharedResource {

    public static final String PASSWORD_HEADER = "X-Share-Password";

    public record SharedChatRequest(
            @NotBlank @Size(max = 2000) String message,
            @Size(max = 64) String conversationId) {}

    private final ShareService shares;

    public SharedResource(ShareService shares) {
        this.shares = shares;
    }

    @GET
    public ShareService.SharedView view(
            @PathParam("token") String token, @HeaderParam(PASSWORD_HEADER) String password) {
        return shares.view(token, Optional.ofNullable(password));
    }

    /** The /api/chat answer; the demo's last_used is the only thing about the demo it changes. */
    @POST
    @Path("/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChatResource.ChatReply chat(
            @PathParam("token") String token,
            @HeaderParam(PASSWORD_HEADER) String password,
            @Valid @NotNull SharedChatRequest request) {
        return ChatResource.ChatReply.of(
                shares.chat(token, Optional.ofNullable(password), request.message(), request.conversationId()));
    }
}
