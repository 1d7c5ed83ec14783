package com.capidemo.core.port;

import com.capidemo.core.domain.DemoShare;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Share links of demos ({@code demo_shares}). */
public interface ShareStore {

    /** Stores a new link; false when one with the same token hash exists. */
    boolean create(DemoShare share);

    Optional<DemoShare> find(String tokenHash);

    /** A demo's links that are not revoked, newest first, at most {@code limit}. */
    List<DemoShare> listByDemo(String demoId, int limit);

    /** Counts one access (access_count + 1, last_accessed = at) in one atomic write; false for an unknown link. */
    boolean recordAccess(String tokenHash, Instant at);

    /** Revokes the link (revoked_at = at, kept once set); false for an unknown link. */
    boolean revoke(String tokenHash, Instant at);
}
