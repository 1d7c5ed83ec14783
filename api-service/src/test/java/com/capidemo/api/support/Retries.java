package com.capidemo.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.capidemo.core.testing.MutableClock;
import com.capidemo.local.SqliteDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * A dispatcher's retries, stepped through on the tests' clock: its rows in the outbox or tasks table.
 *
 * @param table {@code outbox} or {@code tasks}
 * @param wake  wakes the dispatcher after the clock moved
 */
public record Retries(SqliteDatabase db, String table, MutableClock clock, Runnable wake) {

    /** Attempts so far and when the job's row is next due (epoch millis), or null when it is not pending. */
    private long[] pending(String jobId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT attempts, next_attempt_at FROM " + table + " WHERE job_id = ? AND status = 'pending'")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
                }
            }
        });
    }

    /**
     * Waits for the {@code attempt}-th delivery of the job's row to fail, checks that it is due again exactly
     * {@code backoff} later on the clock, and moves the clock there instead of waiting.
     */
    public void retriedAfter(String jobId, int attempt, Duration backoff) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            long[] p = pending(jobId);
            return p != null && p[0] == attempt;
        });
        assertThat(pending(jobId)[1]).as("due after the backoff").isEqualTo(clock.millis() + backoff.toMillis());
        clock.advance(backoff);
        wake.run();
    }

    /**
     * Lets the clock run on until no row of the table is pending or in flight, so that every retry a test left behind
     * (a delivery that timed out on a busy machine, a test that failed half-way) is done before the next test starts.
     */
    public void drain() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock.advance(Duration.ofMinutes(1));
            wake.run();
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                                "SELECT count(*) FROM " + table + " WHERE status IN ('pending', 'inflight')");
                        ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) == 0;
                }
            });
        });
    }
}
