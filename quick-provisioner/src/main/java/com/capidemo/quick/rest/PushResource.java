package com.capidemo.quick.rest;

import com.capidemo.core.messaging.PushEnvelope;
import com.capidemo.core.messaging.PushMessage;
import com.capidemo.core.messaging.TraceContext;
import com.capidemo.core.worker.DeliveryOutcome;
import com.capidemo.quick.service.DeadLetterHandler;
import com.capidemo.quick.service.PushHandler;
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
        boolean failed;
        try (TraceContext.Delivery delivery = continueTrace(message, "provision-jobs dead-letter")) {
            failed = deadLetters.handle(message);
            delivery.outcome(failed ? "job_failed" : "ignored");
        }
        return Response.ok(Map.of("message_id", message.messageId(), "outcome", failed ? "job_failed" : "ignored"))
                .build();
    }

    @POST
    @Path("/push")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(byte[] body) {
        PushMessage message = PushEnvelope.parse(body);
        DeliveryOutcome outcome;
        try (TraceContext.Delivery delivery = continueTrace(message, "provision-jobs process")) {
            outcome = handler.handle(message);
            delivery.outcome(outcome.name().toLowerCase(java.util.Locale.ROOT));
        }
        return switch (outcome) {
            case DONE -> answer(200, message, "ack");
            case RETRY -> answer(503, message, "retry");
        };
    }

    /** The worker's span for this message, in the trace of the request that published it. */
    private static TraceContext.Delivery continueTrace(PushMessage message, String name) {
        Map<String, String> attributes = message.attributes() == null ? Map.of() : message.attributes();
        return TraceContext.continueFrom(
                attributes.get(TraceContext.ATTRIBUTE),
                name,
                Map.of(
                        "messaging.system",
                        "gcp_pubsub",
                        "messaging.message.id",
                        String.valueOf(message.messageId()),
                        "messaging.delivery_attempt",
                        String.valueOf(message.deliveryAttempt())));
    }

    private static Response answer(int status, PushMessage message, String outcome) {
        return Response.status(status)
                .entity(Map.of("message_id", message.messageId(), "outcome", outcome))
                .build();
    }
}
