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
}
