package com.capidemo.core.port;

import java.time.Instant;

/**
 * Where a paged scan resumes: after the row with this time and id (the scan's order is (time, id)). Lets lifecycle
 * work walk 100,000 demos in pages without an offset and without holding them in memory.
 */
public record Keyset(Instant at, String id) {}
