package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.JobLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job document's log stays bounded however long the job runs (Firestore documents hold at most 1 MiB). */
class FirestoreJobLogCapTest {

    private static List<JobLog> lines(int n) {
        List<JobLog> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(JobLog.info(Instant.EPOCH.plusSeconds(i), "line " + i));
        }
        return out;
    }

    @Test
    void upToTheCapEveryLineIsKept() {
        assertThat(FirestoreJobStore.capped(lines(FirestoreJobStore.MAX_LOGS)))
                .hasSize(FirestoreJobStore.MAX_LOGS)
                .extracting(JobLog::message)
                .startsWith("line 0")
                .endsWith("line 199");
    }

    @Test
    void beyondTheCapTheFirstLineAMarkerAndTheLatestLinesAreKept() {
        List<JobLog> capped = FirestoreJobStore.capped(lines(5_000));

        assertThat(capped).hasSize(FirestoreJobStore.MAX_LOGS);
        assertThat(capped.get(0).message()).isEqualTo("line 0");
        assertThat(capped.get(1).message()).isEqualTo(FirestoreJobStore.DROPPED);
        assertThat(capped.get(capped.size() - 1).message()).isEqualTo("line 4999");
        assertThat(capped.get(2).message()).isEqualTo("line " + (5_000 - (FirestoreJobStore.MAX_LOGS - 2)));
    }

    @Test
    void cappingAgainKeepsOneMarkerAndTheLatestLines() {
        List<JobLog> once = new ArrayList<>(FirestoreJobStore.capped(lines(300)));
        once.add(JobLog.info(Instant.EPOCH.plusSeconds(10_000), "newest"));

        List<JobLog> twice = FirestoreJobStore.capped(once);

        assertThat(twice).hasSize(FirestoreJobStore.MAX_LOGS);
        assertThat(twice)
                .extracting(JobLog::message)
                .filteredOn(FirestoreJobStore.DROPPED::equals)
                .hasSize(1);
        assertThat(twice.get(twice.size() - 1).message()).isEqualTo("newest");
    }

    @Test
    void aHugeMessageIsCut() {
        JobLog huge = JobLog.info(Instant.EPOCH, "x".repeat(100_000));

        assertThat(FirestoreJobStore.capped(List.of(huge)).get(0).message())
                .hasSize(FirestoreJobStore.MAX_MESSAGE + 1)
                .endsWith("…");
    }
}
