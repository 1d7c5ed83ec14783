package com.capidemo.core.domain;

/** How many demos have one status, tenant and template (the metrics export's unit). */
public record DemoCount(DemoStatus status, String tenantId, String templateId, long count) {}
