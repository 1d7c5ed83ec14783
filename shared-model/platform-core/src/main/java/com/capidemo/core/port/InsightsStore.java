package com.capidemo.core.port;

import com.capidemo.core.domain.InsightCounts;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The counts behind the team insights, by count queries over indexes (never by loading demos, links or turns). */
public interface InsightsStore {

    /**
     * Per user, what the tenant's users did in [{@code from}, {@code to}): demos created by origin and how many of
     * them have had a share link opened, share links created, share links opened for the first time, chat questions
     * asked and declined. {@code users} are the users to count; a store that groups by user may return others too.
     * Users without any activity may be missing from the answer.
     */
    Map<String, InsightCounts> count(String tenantId, Instant from, Instant to, Collection<String> users);
}
