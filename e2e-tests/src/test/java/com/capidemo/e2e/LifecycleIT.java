package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.local.LocalDatasetFolders;
import com.capidemo.local.SqliteDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The lifecycle through the real processes: four demos provisioned over HTTP, back-dated in the shared SQLite store
 * (unused 91 days; archived 181 and 179 days ago), a temporary dataset two days old; then lifecycle-service's cleanup called
 * over HTTP as Cloud Scheduler would (the local credential), and the statuses and warehouse folders checked, followed
 * by a restore, a warning and the notifications inbox.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {

    private static PlatformProcess platform;
    private static String unused;
    private static String longArchived;
    private static String recent;
    private static String archivedRecently;

    @BeforeAll
    static void start() {
        // The in-process crons stay off, so only the calls of this test run the jobs.
        platform = PlatformProcess.start("lifecycle", Map.of("PLATFORM_LIFECYCLE_CRON_ENABLED", "false"));
        unused = provision("Unused Corp");
        longArchived = provision("Very Old Corp");
        recent = provision("Recent Corp");
        archivedRecently = provision("Not Yet Corp");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.down();
        }
    }

    private static String provision(String customer) {
        Api.Response accepted = platform.api().provisionQuick("shopify", customer);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        JsonNode done = platform.api().awaitTerminal(accepted.get("job_id").asText(), Duration.ofSeconds(90));
        assertThat(done.path("status").asText()).as("%s", done).isEqualTo("completed");
        return accepted.get("demo_id").asText();
    }

    private static String lifecycleUrl(String path) {
        return "http://127.0.0.1:" + platform.port("lifecycle-service") + path;
    }

    private static Api.Response admin(String path, Map<String, String> credential) {
        return Api.postRaw(lifecycleUrl(path), "{}".getBytes(), credential);
    }

    /** Back-dates demos the way only time could, straight in the store the services share. */
    private static void sql(String statement, Object... args) {
        SqliteDatabase db = new SqliteDatabase(platform.dataDir().resolve("platform.db"));
        db.write(c -> {
            try (var st = c.prepareStatement(statement)) {
                for (int i = 0; i < args.length; i++) {
                    st.setObject(i + 1, args[i]);
                }
                return st.executeUpdate();
            }
        });
    }

    private static long daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days)).toEpochMilli();
    }

    @Test
    @Order(1)
    void theSchedulerEndpointsNeedTheSchedulersCredential() {
        Api.Response none = admin("/api/admin/cleanup", Map.of());
        assertThat(none.status()).as("%s", none).isEqualTo(401);
        assertThat(none.isProblem()).as("%s", none).isTrue();
        assertThat(admin("/api/admin/cleanup", Map.of("X-Worker-Secret", "wrong"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    @Order(2)
    void cleanupArchivesTheUnusedDeletesTheLongArchivedAndDropsOldTempDatasets() {
        sql("UPDATE demos SET last_used = ? WHERE demo_id = ?", daysAgo(91), unused);
        sql(
                "UPDATE demos SET status = 'archived', last_used = ?, archived_at = ? WHERE demo_id = ?",
                daysAgo(300),
                daysAgo(181),
                longArchived);
        sql(
                "UPDATE demos SET status = 'archived', last_used = ?, archived_at = ? WHERE demo_id = ?",
                daysAgo(300),
                daysAgo(179),
                archivedRecently);
        String table = platform.warehouse().listTables(longArchived).get(0);
        String count = "SELECT count(*) AS n FROM " + table;
        assertThat(platform.warehouse().query(longArchived, count, 1).rows())
                .as("queryable before")
                .hasSize(1);
        new LocalDatasetFolders(
                        platform.dataDir().resolve("warehouse"),
                        Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC))
                .createDataset("tmp_e2e_scratch", Map.of());
        assertThat(platform.datasets()).contains(unused, longArchived, recent, "tmp_e2e_scratch");

        Api.Response r = admin("/api/admin/cleanup", Map.of("X-Worker-Secret", platform.workerSecret()));

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.get("archived").asInt()).as("%s", r).isEqualTo(1);
        assertThat(r.get("deleted").asInt()).as("%s", r).isEqualTo(1);
        assertThat(r.get("temp_datasets_dropped").asInt()).as("%s", r).isEqualTo(1);
        assertThat(r.get("timestamp").asText()).isNotBlank();
        assertThat(r.json().has("duration_ms")).isTrue();

        assertThat(platform.api().demo(unused).get("status").asText()).isEqualTo("archived");
        assertThat(platform.api().demo(recent).get("status").asText()).isEqualTo("ready");
        JsonNode deleted = platform.api().demo(longArchived).json();
        assertThat(deleted.path("status").asText()).as("%s", deleted).isEqualTo("deleted");
        assertThat(deleted.path("dataset_id").isNull()).as("%s", deleted).isTrue();
        assertThat(deleted.path("agent_id").isNull()).as("%s", deleted).isTrue();
        assertThat(platform.api().demo(archivedRecently).get("status").asText())
                .as("archived 179 days ago")
                .isEqualTo("archived");
        assertThat(platform.datasets())
                .as("the warehouse folders")
                .contains(unused, recent, archivedRecently)
                .doesNotContain(longArchived, "tmp_e2e_scratch");
        assertThat(platform.dataDir().resolve("warehouse").resolve(longArchived))
                .as("its folder")
                .doesNotExist();
        assertThat(platform.warehouse().listTables(longArchived))
                .as("its tables are gone")
                .isEmpty();
        assertThatThrownBy(() -> platform.warehouse().query(longArchived, count, 1))
                .as("a query on it")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not found");
        assertThat(platform.warehouse().query(archivedRecently, count, 1).rows())
                .as("the one archived 179 days ago")
                .hasSize(1);

        Api.Response again = admin("/api/admin/cleanup", Map.of("X-Admin-Token", platform.adminToken()));
        assertThat(again.get("archived").asInt()
                        + again.get("deleted").asInt()
                        + again.get("temp_datasets_dropped").asInt())
                .as("a second run: %s", again)
                .isZero();
    }

    @Test
    @Order(3)
    void theOwnerRestoresTheArchivedDemo() {
        Api.Response restored = platform.api().post("/api/demos/" + unused + "/restore", "{}");
        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
        assertThat(restored.get("status").asText()).isEqualTo("ready");
        Api.Response deleted = platform.api().post("/api/demos/" + longArchived + "/restore", "{}");
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(409);
        assertThat(deleted.isProblem()).isTrue();
    }

    @Test
    @Order(4)
    void anOwnerWhoseDemoIsAboutToBeArchivedIsWarnedOnceAndSeesItInTheInbox() {
        sql("UPDATE demos SET last_used = ? WHERE demo_id = ?", daysAgo(85), recent);

        Api.Response first = admin("/api/admin/send-warnings", Map.of("X-Worker-Secret", platform.workerSecret()));
        Api.Response second = admin("/api/admin/send-warnings", Map.of("X-Worker-Secret", platform.workerSecret()));

        assertThat(first.get("warnings_sent").asInt()).as("%s", first).isEqualTo(1);
        assertThat(second.get("warnings_sent").asInt()).as("%s", second).isZero();
        Api.Response inbox = platform.api().get("/api/notifications");
        assertThat(inbox.status()).as("%s", inbox).isEqualTo(200);
        assertThat(inbox.get("notifications")).hasSize(1);
        assertThat(inbox.get("notifications").get(0).path("demo_id").asText()).isEqualTo(recent);
        assertThat(inbox.get("notifications").get(0).path("message").asText()).contains("Recent Corp");

        Api.Response runs = Api.postRaw(
                lifecycleUrl("/api/admin/export-metrics"), new byte[0], Map.of("X-Admin-Token", platform.adminToken()));
        assertThat(runs.status()).as("%s", runs).isEqualTo(200);
        assertThat(runs.get("demos_by_status").path("deleted").asInt()).isEqualTo(1);
        assertThat(runs.get("demos_by_status").path("ready").asInt()).isEqualTo(2);
        assertThat(runs.get("demos_by_status").path("archived").asInt()).isEqualTo(1);
    }
}
