package com.capidemo.core.domain;

import java.time.Instant;

/** An organisation using the platform; owns one warehouse dataset named after it. */
public record Tenant(String tenantId, String datasetId, Instant createdAt) {}
