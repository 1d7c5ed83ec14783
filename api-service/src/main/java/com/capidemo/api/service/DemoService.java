package com.capidemo.api.service;

import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoCursor;
import com.capidemo.core.domain.DemoFilter;
import com.capidemo.core.domain.DemoStats;
import com.capidemo.core.domain.DemoSummary;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.service.DemoDeletion;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.web.ApiProblem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's demos and who may do what with them: any user of the tenant sees them, as a compact keyset-paged list or
 * one full record (another tenant's demo is the same 404 as a missing one); the dashboard is the caller's own;
 * deleting needs the demo's owner or a tenant admin.
 */
@ApplicationScoped
public class DemoService {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;
    /** How many pinned and recent demos the dashboard shows. */
    static final int DASHBOARD_ITEMS = 10;
    /** "This month" on the dashboard: the last 30 days. */
    static final Duration MONTH = Duration.ofDays(30);

    private final DemoStore demos;
    private final DemoDeletion deletion;
    private final TemplateLibrary templates;
    private final Clock clock;

    public DemoService(DemoStore demos, DemoDeletion deletion, TemplateLibrary templates, Clock clock) {
        this.demos = demos;
        this.deletion = deletion;
        this.templates = templates;
        this.clock = clock;
    }

    /** One page of the list and where the next one starts (null after the last). */
    public record Page(List<DemoSummary> demos, String nextCursor) {}

    /** The caller's dashboard: {stats {total_demos, demos_this_month, pinned_count}, pinned, recent}. */
    /**
     * {@code countsChangeAt} (not sent) is when demos_this_month may drop although no demo changed: once the oldest
     * demo it counts is more than a month old. Null when it counts none.
     */
    public record Dashboard(
            String user,
            String role,
            Stats stats,
            List<DemoSummary> pinnedDemos,
            List<DemoSummary> recentDemos,
            @JsonIgnore Instant countsChangeAt) {}

    public record Stats(
            long totalDemos,
            long demosThisMonth,
            long pinnedCount,
            Map<String, Long> byStatus,
            Map<String, Long> byTemplate) {}

    /** The tenant's demos newest first, {@code limit} (1-100) at a time. */
    public Page list(Caller caller, DemoFilter filter, Optional<DemoCursor> after, int limit) {
        List<DemoSummary> rows = demos.list(caller.tenantId(), filter, after, limit + 1);
        boolean more = rows.size() > limit;
        List<DemoSummary> page = more ? rows.subList(0, limit) : rows;
        return new Page(
                List.copyOf(page), more ? page.get(page.size() - 1).cursor().encode() : null);
    }

    /** Counts (by count queries), the pinned and the most recent of the caller's own demos that are not deleted. */
    public Dashboard dashboard(Caller caller) {
        String me = caller.userEmail();
        Instant now = clock.instant();
        DemoStats s = demos.stats(
                caller.tenantId(),
                me,
                now.minus(MONTH),
                templates.all().stream().map(t -> t.templateId()).toList());
        DemoFilter mine = DemoFilter.createdBy(me);
        Instant countsChangeAt = s.createdSince() == 0
                ? null
                : s.oldestSince() == null ? now : s.oldestSince().plus(MONTH);
        return new Dashboard(
                me,
                caller.role(),
                new Stats(s.total(), s.createdSince(), s.pinned(), s.byStatus(), s.byTemplate()),
                demos.list(caller.tenantId(), mine.withPinned(true), Optional.empty(), DASHBOARD_ITEMS),
                demos.list(caller.tenantId(), mine, Optional.empty(), DASHBOARD_ITEMS),
                countsChangeAt);
    }

    /** The full demo, if it belongs to the caller's tenant. */
    public Demo get(Caller caller, String demoId) {
        return demos.find(demoId)
                .filter(d -> d.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> ApiProblem.notFound("demo", demoId));
    }

    /** Whether a demo is pinned now, and since when. */
    public record PinState(String demoId, boolean isPinned, Instant pinnedAt) {}

    /**
     * Pins or unpins the caller's own demo (idempotent; pinned_at kept from the first pin).
     *
     * @throws ApiProblem 404 for another tenant's demo, 403 for another user's, 409 for a deleted one
     */
    public PinState pin(Caller caller, String demoId, boolean pinned) {
        Demo demo = get(caller, demoId);
        if (!demo.ownedBy(caller.userEmail())) {
            throw ApiProblem.forbidden(
                    "only the demo's owner may " + (pinned ? "pin" : "unpin") + " demo '" + demoId + "'");
        }
        if (!demos.setPinned(demoId, pinned, clock.instant())) {
            throw ApiProblem.conflict("demo-deleted", "Demo '" + demoId + "' is deleted");
        }
        Demo now = get(caller, demoId);
        return new PinState(demoId, now.isPinned(), now.pinnedAt());
    }

    /**
     * The demo if the caller may manage it (share links, deletion): its owner or a tenant admin.
     *
     * @throws ApiProblem 404 for another tenant's demo, 403 for another member
     */
    public Demo manageable(Caller caller, String demoId, String action) {
        Demo demo = get(caller, demoId);
        if (!demo.ownedBy(caller.userEmail()) && !caller.isAdmin()) {
            throw ApiProblem.forbidden(
                    "only the demo's owner or a tenant admin may " + action + " demo '" + demoId + "'");
        }
        return demo;
    }

    /**
     * Deletes the demo (dataset and agent dropped, record kept); deleting it again succeeds.
     *
     * @throws ApiProblem 404 for another tenant's demo, 403 unless owner or admin, 409 while a job works on it
     */
    @WithSpan("demo.delete")
    public void delete(Caller caller, String demoId) {
        manageable(caller, demoId, "delete");
        deletion.delete(demoId);
    }
}
