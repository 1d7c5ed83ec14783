package com.capidemo.local;

import com.capidemo.core.port.ClaimOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Runs in a separate JVM during tests: claims one job from a shared SQLite file and prints the outcome. */
public final class ClaimRacer {
    private ClaimRacer() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String jobId = args[1];
        String owner = args[2];
        long startAt = Long.parseLong(args[3]);
        SqliteJobStore store = new SqliteJobStore(new SqliteDatabase(file), Clock.systemUTC());
        while (System.currentTimeMillis() < startAt) {
            Thread.onSpinWait();
        }
        ClaimOutcome outcome = store.claim(jobId, owner, Duration.ofMinutes(5));
        System.out.println("OUTCOME " + outcome.kind());
    }
}
