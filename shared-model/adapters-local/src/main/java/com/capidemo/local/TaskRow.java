package com.capidemo.local;

/** A claimed row of the local task queue; {@code attempt} counts this dispatch; {@code traceparent} may be null. */
record TaskRow(
        String taskName, String queue, String path, byte[] body, String jobId, int attempt, String traceparent) {}
