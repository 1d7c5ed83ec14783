package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDatasetFoldersTest {

    @TempDir
    Path dir;

    @Test
    void aDroppedDatasetIsGoneWithItsTablesAndASecondDropDropsNothing() throws Exception {
        LocalDatasetFolders folders = new LocalDatasetFolders(dir, Clock.systemUTC());
        folders.createDataset("demo_1", Map.of("tenant", "t"));
        Files.createDirectories(folders.folder("demo_1").resolve("orders"));
        Files.writeString(folders.folder("demo_1").resolve("orders/data.parquet"), "rows");

        assertThat(folders.dropDataset("demo_1")).isTrue();
        assertThat(folders.datasetExists("demo_1")).isFalse();
        assertThat(folders.listDatasets()).isEmpty();
        try (var left = Files.list(dir)) {
            assertThat(left).as("no tombstone is left").isEmpty();
        }
        assertThat(folders.dropDataset("demo_1")).isFalse();
        assertThat(folders.dropDataset("never_made")).isFalse();
    }

    @Test
    void ofConcurrentDropsOfOneDatasetExactlyOneDropsIt() throws Exception {
        LocalDatasetFolders folders = new LocalDatasetFolders(dir, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String id = "tmp_" + round;
                folders.createDataset(id, Map.of());
                for (int t = 0; t < 30; t++) {
                    Files.writeString(folders.folder(id).resolve("f" + t), "x");
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> drops = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    drops.add(pool.submit(() -> {
                        go.await();
                        return folders.dropDataset(id);
                    }));
                }
                go.countDown();
                int dropped = 0;
                for (Future<Boolean> f : drops) {
                    dropped += f.get() ? 1 : 0;
                }
                assertThat(dropped).as("round %d", round).isEqualTo(1);
                assertThat(folders.datasetExists(id)).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTombstoneLeftByACrashedDropIsDeletedByTheNextDrop() throws Exception {
        LocalDatasetFolders folders = new LocalDatasetFolders(dir, Clock.systemUTC());
        Path tombstone = Files.createDirectories(dir.resolve(".dropped-demo_9-crashed/orders"));
        Files.writeString(tombstone.resolve("data.parquet"), "rows");

        assertThat(folders.dropDataset("demo_9")).isFalse();
        assertThat(dir.resolve(".dropped-demo_9-crashed")).doesNotExist();
    }

    @Test
    void aDatasetRecordsItsCreationTimeFromTheClockAndAReuseKeepsIt() throws Exception {
        MutableClock clock = MutableClock.at("2030-05-01T00:00:00Z");
        LocalDatasetFolders folders = new LocalDatasetFolders(dir, clock);
        folders.createDataset("tmp_x", Map.of());
        clock.advance(java.time.Duration.ofDays(3));
        assertThat(folders.createDataset("tmp_x", Map.of("again", "yes"))).isFalse();

        assertThat(folders.datasetCreatedAt("tmp_x")).contains(Instant.parse("2030-05-01T00:00:00Z"));
        assertThat(folders.datasetCreatedAt("missing")).isEmpty();
    }

    @Test
    void aFolderMadeWithoutCreateDatasetHasTheFileSystemsCreationTime() throws Exception {
        LocalDatasetFolders folders = new LocalDatasetFolders(dir, Clock.systemUTC());
        Instant before = Instant.now().minusSeconds(5);
        Files.createDirectories(dir.resolve("tmp_by_hand"));

        assertThat(folders.datasetCreatedAt("tmp_by_hand"))
                .hasValueSatisfying(
                        t -> assertThat(t).isBetween(before, Instant.now().plusSeconds(5)));
    }
}
