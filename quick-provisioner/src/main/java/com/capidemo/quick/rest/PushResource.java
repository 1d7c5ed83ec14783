package com.capidemo.quick.rest;

import com.capidemo.quick.service.DeadLetterHandler;
import com.capidemo.quick.service.PushHandler;
import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.messaging.PushMessage;
import com.capidemo.core.worker.DeliveryOutcome;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The push subscription endpoints: {@code /pubsub/push} for topic provision-jobs (2xx acks; 503 asks for redelivery;
 * 400 for garbage) and {@code /pubsub/dead-letter} for its dead-letter topic. The worker credential is checked for
 * both by {@link com.capidemo.core.web.edge.WorkerAuthFilter} (platform.edge.worker-paths=/pubsub/).
 */
@Path("/pubsub")
public class PushResource {

    private final PushHandler handler;
    private final DeadLetterHandler deadLetters;

    public PushResource(PushHandler handler, DeadLetterHandler deadLetters) {
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    /** Push endpoint of the dead-letter topic's subscription: fails the message's job; always acknowledged. */
    @POST
    @Path("/dead-letter")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response deadLetter(byte[] body) {
        PushMessage message = PushEnvelope.parse(body);
        boolean failed = deadLetters.handle(message);
        return Response.ok(Map.of("message_id", message.messageId(), "outcome", failed ? "job_failed" : "ignored"))
                .build();
    }

    @POST
    @Path("/push")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(byte[] body) {
        PushMessage message = PushEnvelope.parse(body);
        DeliveryOutcome outcome = handler.handle(message);
        return switch (outcome) {
            case DONE -> answer(200, message, "ack");
            case RETRY -> answer(503, message, "retry");
        };
    }

    private static Response answer(int status, PushMessage message, String outcome) {
        return Response.status(status).entity(Map.of("message_id", message.messageId(), "outcome", outcome)).build();
    }
}
