package com.capidemo.api.service;

import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.InsightCounts;
import com.capidemo.core.port.InsightsStore;
import com.capidemo.core.port.TenantStore;
import com.capidemo.core.web.ApiProblem;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The team insights of a tenant: per calendar month (in the injected clock's zone, the current month so far) and per
 * user, demos created by origin, the template usage, reuse and sharing rates, share links created and opened, chat
 * questions asked and declined, beside the business targets. Counted by the {@link InsightsStore}'s count queries,
 * never by loading demos. The users are the tenant's key holders; a share link's viewers are not counted.
 */
@ApplicationScoped
public class InsightsService {

    public static final int DEFAULT_MONTHS = 6;
    public static final int MAX_MONTHS = 24;

    /** How many users' keys are read to know the team (far above any team's size). */
    static final int MAX_USERS = 1000;

    /** The business targets: demos per CE per month, template usage, reuse and sharing rates. */
    public static final Targets TARGETS = new Targets(25, 0.70, 0.50, 0.40);

    private final InsightsStore store;
    private final TenantStore tenants;
    private final Clock clock;

    public InsightsService(InsightsStore store, TenantStore tenants, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    public record Targets(int demosPerUserPerMonth, double templateUsageRate, double reuseRate, double sharingRate) {}

    /**
     * One user's (or the team's) figures: rates are null when there is nothing to divide by. {@code sharedDemos} are
     * the demos created in the period that have had a share link opened; {@code shareLinksOpened} the links opened
     * for the first time in the period.
     */
    public record Figures(
            long demosCreated,
            long quick,
            long custom,
            long clones,
            Double templateUsageRate,
            Double reuseRate,
            long shareLinksCreated,
            long shareLinksOpened,
            long sharedDemos,
            Double sharingRate,
            long questionsAsked,
            long questionsDeclined) {

        static Figures of(InsightCounts c) {
            long demos = c.demos();
            return new Figures(
                    demos,
                    c.quick(),
                    c.custom(),
                    c.clones(),
                    rate(c.quick(), demos),
                    rate(c.clones(), demos),
                    c.linksCreated(),
                    c.linksOpened(),
                    c.sharedDemos(),
                    rate(c.sharedDemos(), demos),
                    c.questionsAsked(),
                    c.questionsDeclined());
        }
    }

    public record UserFigures(String user, Figures figures) {}

    /**
     * One month: {@code activeUsers} created at least one demo in it, {@code demosPerUser} is their average (null
     * when none did).
     */
    public record Month(
            String month,
            Instant from,
            Instant to,
            long activeUsers,
            Double demosPerUser,
            Figures totals,
            List<UserFigures> users) {}

    /** {@code months} oldest first; {@code users} the figures of each user over the whole window. */
    public record Insights(
            int monthCount, Instant from, Instant to, Targets targets, List<Month> months, List<UserFigures> users) {}

    @WithSpan("insights")
    public Insights insights(Caller caller, int monthCount) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("the team insights are for tenant admins");
        }
        TreeSet<String> team = new TreeSet<>();
        for (ApiKey key : tenants.listKeys(caller.tenantId(), MAX_USERS)) {
            if (key.userEmail() != null) {
                team.add(key.userEmail());
            }
        }
        ZoneId zone = clock.getZone();
        YearMonth current = YearMonth.now(clock);
        List<Month> months = new ArrayList<>();
        Map<String, InsightCounts> overall = new LinkedHashMap<>();
        team.forEach(u -> overall.put(u, InsightCounts.ZERO));
        for (int back = monthCount - 1; back >= 0; back--) {
            YearMonth month = current.minusMonths(back);
            Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            Map<String, InsightCounts> counted = store.count(caller.tenantId(), from, to, team);
            InsightCounts total = InsightCounts.ZERO;
            long active = 0;
            List<UserFigures> users = new ArrayList<>();
            for (String user : team) {
                InsightCounts c = counted.getOrDefault(user, InsightCounts.ZERO);
                total = total.plus(c);
                active += c.demos() > 0 ? 1 : 0;
                overall.merge(user, c, InsightCounts::plus);
                users.add(new UserFigures(user, Figures.of(c)));
            }
            users.sort(BY_DEMOS);
            months.add(new Month(
                    month.toString(),
                    from,
                    to,
                    active,
                    active == 0 ? null : (double) total.demos() / active,
                    Figures.of(total),
                    users));
        }
        List<UserFigures> users = new ArrayList<>();
        overall.forEach((user, c) -> users.add(new UserFigures(user, Figures.of(c))));
        users.sort(BY_DEMOS);
        return new Insights(
                monthCount, months.get(0).from(), months.get(months.size() - 1).to(), TARGETS, months, users);
    }

    private static final Comparator<UserFigures> BY_DEMOS = Comparator.comparingLong(
                    (UserFigures u) -> -u.figures().demosCreated())
            .thenComparing(UserFigures::user);

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
