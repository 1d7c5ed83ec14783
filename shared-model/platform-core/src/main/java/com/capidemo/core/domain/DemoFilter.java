package com.capidemo.core.domain;

import java.util.Optional;

/**
 * Which of a tenant's demos a list shows; an empty field does not filter. Without a status, deleted demos (kept as
 * records) are left out. {@code query} is matched as {@link DemoSearch} says.
 */
public record DemoFilter(
        Optional<DemoStatus> status,
        Optional<String> templateId,
        Optional<Boolean> pinned,
        Optional<String> createdBy,
        Optional<String> query) {

    public DemoFilter {
        query = query.map(DemoSearch::normalize).filter(q -> !q.isEmpty());
    }

    public static DemoFilter all() {
        return new DemoFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static DemoFilter createdBy(String email) {
        return all().withCreatedBy(email);
    }

    public DemoFilter withCreatedBy(String email) {
        return new DemoFilter(status, templateId, pinned, Optional.ofNullable(email), query);
    }

    public DemoFilter withPinned(boolean value) {
        return new DemoFilter(status, templateId, Optional.of(value), createdBy, query);
    }

    public DemoFilter withStatus(DemoStatus value) {
        return new DemoFilter(Optional.ofNullable(value), templateId, pinned, createdBy, query);
    }
}
