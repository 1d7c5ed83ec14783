package com.capidemo.core.messaging;

import java.util.Optional;

/**
 * A push request that is not a valid Pub/Sub push envelope; never retried forever. Without a field the body is not a
 * JSON object at all (400); with one, a well-formed envelope has that field wrong (422 naming it).
 */
public class MalformedEnvelopeException extends RuntimeException {

    private final String field;

    public MalformedEnvelopeException(String message) {
        this(null, message);
    }

    public MalformedEnvelopeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The envelope field that is wrong; empty when the body itself is not an envelope. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
