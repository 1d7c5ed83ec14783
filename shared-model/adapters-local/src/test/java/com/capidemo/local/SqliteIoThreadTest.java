package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store work refuses to run on a Vert.x event-loop thread, so a route or filter that reaches the store from the event
 * loop fails at once instead of stalling every request of that loop; on a worker thread it runs.
 */
class SqliteIoThreadTest {

    @TempDir
    Path dir;

    @Test
    void readsScansAndWritesAreRefusedOnAnEventLoopAndRunOnAWorkerThread() throws Exception {
        SqliteDatabase db = new SqliteDatabase(dir.resolve("platform.db"));
        List<Supplier<Integer>> work = List.of(() -> db.read(c -> 1), () -> db.scan(c -> 2), () -> db.write(c -> 3));
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<List<Object>> onLoop = new CompletableFuture<>();
            vertx.runOnContext(v -> onLoop.complete(attempt(work)));
            assertThat(onLoop.get(30, TimeUnit.SECONDS))
                    .hasSize(3)
                    .allSatisfy(r -> assertThat(r).isInstanceOf(BlockingOperationNotAllowedException.class));

            CompletableFuture<List<Object>> onWorker = new CompletableFuture<>();
            vertx.executeBlocking(() -> attempt(work)).onComplete(r -> onWorker.complete(r.result()));
            assertThat(onWorker.get(30, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Object> attempt(List<Supplier<Integer>> work) {
        List<Object> results = new ArrayList<>();
        for (Supplier<Integer> w : work) {
            try {
                results.add(w.get());
            } catch (RuntimeException e) {
                results.add(e);
            }
        }
        return results;
    }
}
