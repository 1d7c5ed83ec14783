package com.capidemo.core.messaging;

/** A push request that is not a valid Pub/Sub push envelope; answered 400 and never retried forever. */
public class MalformedEnvelopeException extends RuntimeException {
    public MalformedEnvelopeException(String message) {
        super(message);
    }
}
