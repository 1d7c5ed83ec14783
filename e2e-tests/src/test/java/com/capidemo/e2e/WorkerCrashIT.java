package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.duckdb.DuckDbWarehouse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the quick-provisioner in the middle of loading tables: after a restart the redelivered message
 * re-claims the job once the dead worker's lease has expired, and the demo ends up ready exactly once.
 */
class WorkerCrashIT {

    private static PlatformProcess platform;

    @BeforeAll
    static void start() {
        platform = PlatformProcess.start(
                "crash",
                Map.of(
                        "PLATFORM_LEASE_DURATION", "3s",
                        "PLATFORM_QUEUE_QUICK_MIN_BACKOFF", "1s",
                        "PLATFORM_QUEUE_QUICK_MAX_BACKOFF", "2s",
                        // Deliveries keep failing while the worker is down and while the dead worker's lease is live;
                        // with 1-2 s backoff the default of 5 attempts could dead-letter the job before the restart.
                        "PLATFORM_QUEUE_QUICK_MAX_DELIVERY_ATTEMPTS", "30"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.down();
        }
    }

    @Test
    void killedWorkerMidLoadIsRecoveredByRedeliveryAndTheDemoIsProvisionedOnce() {
        TemplateDefinition shopify = platform.templates().find("shopify").orElseThrow();
        Api api = platform.api();
        List<String> datasetsBefore = platform.datasets();

        // The worker is held most of the time (from the outside), so the poller catches it loading tables.
        String jobId;
        String demoId;
        JsonNode atKill;
        long killedPid;
        try (ProcessThrottle slowWorker =
                platform.throttle("quick-provisioner", Duration.ofMillis(20), Duration.ofMillis(200))) {
            Api.Response accepted = api.provisionQuick("shopify", "Crash Test Co");
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            jobId = accepted.get("job_id").asText();
            demoId = accepted.get("demo_id").asText();

            List<JsonNode> beforeKill = api.pollJob(
                    jobId,
                    j -> "loading_tables".equals(j.path("current_phase").asText()) || Api.isTerminal(j),
                    Duration.ofSeconds(60),
                    10,
                    "loading_tables");
            atKill = beforeKill.get(beforeKill.size() - 1);
            assertThat(atKill.path("current_phase").asText())
                    .as("job when the worker is killed: %s", atKill)
                    .isEqualTo("loading_tables");
            assertThat(atKill.path("status").asText()).isEqualTo("running");
            assertThat(atKill.path("attempts").asInt()).isEqualTo(1);

            killedPid = platform.killWorker();
        }
        System.out.printf(
                "killed quick-provisioner pid %d at progress %d%n",
                killedPid, atKill.path("progress").asInt());
        JsonNode afterKill = api.job(jobId).json();
        assertThat(afterKill.path("status").asText())
                .as("job right after the kill: %s", afterKill)
                .isEqualTo("running");

        platform.up(); // restarts only the missing worker
        assertThat(platform.pid("quick-provisioner"))
                .as("restarted worker")
                .isPresent()
                .get()
                .isNotEqualTo(killedPid);

        JsonNode done;
        try {
            done = api.awaitTerminal(jobId, Duration.ofSeconds(90));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + platform.logTails(40), e);
        }
        assertThat(done.path("status").asText())
                .as("final job: %s\n%s", done, platform.logTails(30))
                .isEqualTo("completed");
        assertThat(done.path("attempts").asInt()).as("claims of the job").isGreaterThanOrEqualTo(2);
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(done.path("error").isNull())
                .as("error: %s", done.path("error"))
                .isTrue();

        JsonNode demo = api.demo(demoId).json();
        assertThat(demo.path("status").asText()).isEqualTo("ready");
        assertThat(demo.path("metadata").path("total_rows").asLong()).isEqualTo(shopify.totalRows());
        assertThat(demo.path("metadata").path("table_count").asInt()).isEqualTo(shopify.tableCount());

        // Exactly one dataset for the demo, and nothing else new in the warehouse.
        List<String> datasetsAfter = platform.datasets();
        List<String> added = new ArrayList<>(datasetsAfter);
        added.removeAll(datasetsBefore);
        assertThat(added).as("datasets created by the crashed + retried job").containsExactly(demoId);
        assertThat(datasetsAfter.stream().filter(demoId::equals).count()).isEqualTo(1);
        assertThat(datasetsBefore).as("only tenant datasets existed before").containsExactly(platform.tenant());

        DuckDbWarehouse warehouse = platform.warehouse();
        assertThat(warehouse.listTables(demoId)).containsExactlyInAnyOrderElementsOf(shopify.tableNames());
        for (TableSpec table : shopify.tables()) {
            assertThat(warehouse.countRows(demoId, table.name()))
                    .as("rows in %s", table.name())
                    .isEqualTo(table.rows());
        }
        assertThat(strayFiles(platform.dataDir().resolve("warehouse").resolve(demoId)))
                .as("leftover temporary files in the dataset")
                .isEmpty();

        // The demo exists once in the tenant's list.
        long listed = 0;
        for (JsonNode d : api.get("/api/demos?limit=100").json().path("demos")) {
            if (demoId.equals(d.path("demo_id").asText())) {
                listed++;
            }
        }
        assertThat(listed).isEqualTo(1);
    }

    private static List<Path> strayFiles(Path dataset) {
        try (Stream<Path> walk = Files.walk(dataset)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
