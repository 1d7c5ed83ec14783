package com.capidemo.api.rest;

import com.capidemo.api.security.CallerContext;
import com.capidemo.api.service.TalkTrackService;
import com.capidemo.core.domain.Readiness;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A demo's talk track (its golden questions) and its agent's system instruction: read by anyone of the tenant, edited
 * by the demo's owner or a tenant admin (a member 403, another tenant's demo 404, a demo that is not ready 409).
 */
@Path("/api/demos/{demoId}")
@Produces(MediaType.APPLICATION_JSON)
public class TalkTrackResource {

    /** Either {@code question} and {@code sql}, or {@code conversation_id} and {@code turn} (a chat answer). */
    public record AddRequest(
            @Size(max = 500) String question,
            @Size(max = 20_000) String sql,
            @Size(max = 64) String conversationId,
            Integer turn) {}

    /** The talk track's ids in their new order. */
    public record OrderRequest(
            @NotNull @Size(max = TalkTrackService.MAX_QUERIES)
            List<@NotBlank @Size(max = 64) String> ids) {}

    public record RenameRequest(@NotBlank @Size(max = 500) String question) {}

    public record AgentRequest(@NotNull @Size(max = 10_000) String systemInstruction) {}

    /**
     * An item added or renamed, with the last scored readiness and the queued job that scores the edited talk track
     * (its progress at {@code /api/provision/status/{readiness_job}}).
     */
    public record ItemReply(
            String id,
            String question,
            String sql,
            String complexity,
            String expectedResultType,
            Readiness readiness,
            String readinessJob) {
        static ItemReply of(TalkTrackService.Added a) {
            return new ItemReply(
                    a.item().id(),
                    a.item().question(),
                    a.item().sql(),
                    a.item().complexity(),
                    a.item().expectedResultType(),
                    a.readiness(),
                    a.readinessJob());
        }
    }

    private final TalkTrackService talkTrack;
    private final CallerContext caller;

    public TalkTrackResource(TalkTrackService talkTrack, CallerContext caller) {
        this.talkTrack = talkTrack;
        this.caller = caller;
    }

    @GET
    @Path("/golden-queries")
    public TalkTrackService.TalkTrack list(@PathParam("demoId") String demoId) {
        return talkTrack.get(caller.caller(), demoId);
    }

    /** 201 with the stored item; the SQL must be read-only over the demo's own tables and return rows (else 422). */
    @POST
    @Path("/golden-queries")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("demoId") String demoId, @Valid @NotNull AddRequest request) {
        TalkTrackService.Added added = talkTrack.add(
                caller.caller(), demoId, request.question(), request.sql(), request.conversationId(), request.turn());
        return Response.status(201).entity(ItemReply.of(added)).build();
    }

    /** Reorders: {@code ids} must be exactly the current ids (409 when the talk track changed meanwhile). */
    @PUT
    @Path("/golden-queries")
    @Consumes(MediaType.APPLICATION_JSON)
    public TalkTrackService.TalkTrack reorder(
            @PathParam("demoId") String demoId, @Valid @NotNull OrderRequest request) {
        return talkTrack.reorder(caller.caller(), demoId, request.ids());
    }

    @PATCH
    @Path("/golden-queries/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ItemReply rename(
            @PathParam("demoId") String demoId, @PathParam("id") String id, @Valid @NotNull RenameRequest request) {
        return ItemReply.of(talkTrack.rename(caller.caller(), demoId, id, request.question()));
    }

    @DELETE
    @Path("/golden-queries/{id}")
    public Response remove(@PathParam("demoId") String demoId, @PathParam("id") String id) {
        talkTrack.remove(caller.caller(), demoId, id);
        return Response.noContent().build();
    }

    @PATCH
    @Path("/agent")
    @Consumes(MediaType.APPLICATION_JSON)
    public TalkTrackService.TalkTrack instruct(
            @PathParam("demoId") String demoId, @Valid @NotNull AgentRequest request) {
        return talkTrack.instruct(caller.caller(), demoId, request.systemInstruction());
    }
}
