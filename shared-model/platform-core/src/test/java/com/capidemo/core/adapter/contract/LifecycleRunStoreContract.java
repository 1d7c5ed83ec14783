package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.LifecycleRun;
import com.capidemo.core.port.LifecycleRunStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link LifecycleRunStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators). */
public abstract class LifecycleRunStoreContract {

    protected abstract LifecycleRunStore store();

    @Test
    void runsAreRecordedAndListedNewestFirst() {
        Instant t0 = Instant.parse("2099-01-01T00:00:00Z"); // later than anything else the shared emulator holds
        LifecycleRun older = new LifecycleRun(
                "run_" + Ids.randomHex(6),
                "cleanup",
                "cron",
                t0,
                t0.plusMillis(1500),
                1500,
                LifecycleRun.COMPLETED,
                Map.of("archived", 3L, "deleted", 1L, "temp_datasets_dropped", 0L),
                null);
        LifecycleRun newer = new LifecycleRun(
                "run_" + Ids.randomHex(6),
                "send-warnings",
                "http",
                t0.plusSeconds(60),
                t0.plusSeconds(61),
                1000,
                LifecycleRun.FAILED,
                Map.of("warnings_sent", 0L),
                "store unavailable");

        store().record(older);
        store().record(newer);

        assertThat(store().recent(2)).containsExactly(newer, older);
        assertThat(store().recent(1)).containsExactly(newer);
    }

    @Test
    void aStartedRunIsListedAsRunningUntilItsOutcomeReplacesIt() {
        Instant t0 = Instant.parse("2098-02-01T00:00:00Z"); // before the other test's runs: found by id below
        String id = "run_" + Ids.randomHex(6);
        store().started(
                        new LifecycleRun(id, "cleanup", "cron", t0, null, 0, LifecycleRun.RUNNING, Map.of(), null),
                        t0.plusSeconds(1800));
        LifecycleRun running = run(id);
        assertThat(running.outcome()).isEqualTo(LifecycleRun.RUNNING);
        assertThat(running.finishedAt()).isNull();

        LifecycleRun done = new LifecycleRun(
                id,
                "cleanup",
                "cron",
                t0,
                t0.plusSeconds(5),
                5000,
                LifecycleRun.COMPLETED,
                Map.of("archived", 2L),
                null);
        store().record(done);
        assertThat(run(id)).isEqualTo(done);
        assertThat(store().abandonOverdue(t0.plusSeconds(3600), "never finished"))
                .as("a finished run has no deadline any more")
                .isZero();
        assertThat(run(id)).isEqualTo(done);
    }

    @Test
    void onlyRunsStillRunningPastTheirDeadlineAreMarkedAbandonedAndEachOnce() {
        Instant t0 = Instant.parse("2098-03-01T00:00:00Z");
        String overdue = "run_" + Ids.randomHex(6);
        String inTime = "run_" + Ids.randomHex(6);
        store().started(
                        new LifecycleRun(overdue, "cleanup", "cron", t0, null, 0, LifecycleRun.RUNNING, Map.of(), null),
                        t0.plusSeconds(60));
        store().started(
                        new LifecycleRun(
                                inTime,
                                "send-warnings",
                                "http",
                                t0.plusSeconds(1),
                                null,
                                0,
                                LifecycleRun.RUNNING,
                                Map.of(),
                                null),
                        t0.plusSeconds(600));

        assertThat(store().abandonOverdue(t0.plusSeconds(59), "never finished")).isZero();
        assertThat(store().abandonOverdue(t0.plusSeconds(60), "never finished")).isEqualTo(1);
        assertThat(store().abandonOverdue(t0.plusSeconds(60), "never finished")).isZero();

        assertThat(run(inTime).outcome()).isEqualTo(LifecycleRun.RUNNING);
        assertThat(run(overdue).outcome()).isEqualTo(LifecycleRun.ABANDONED);
        assertThat(run(overdue).error()).isEqualTo("never finished");

        LifecycleRun late = new LifecycleRun(
                overdue, "cleanup", "cron", t0, t0.plusSeconds(90), 90_000, LifecycleRun.COMPLETED, Map.of(), null);
        store().record(late);
        assertThat(run(overdue))
                .as("a run that ends after all still gets its outcome")
                .isEqualTo(late);
    }

    private LifecycleRun run(String runId) {
        return store().recent(50).stream()
                .filter(r -> r.runId().equals(runId))
                .findFirst()
                .orElseThrow();
    }
}
