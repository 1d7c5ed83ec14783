package com.capidemo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.QueryResult;
import com.capidemo.core.template.GoldenQuery;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateCatalog;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.duckdb.DuckDbWarehouse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The happy path through the real processes: onboarding, the template library, a quick provision observed
 * phase by phase, the data it leaves in the warehouse, every template's golden queries, and tenant isolation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickProvisionIT {

    /** The worker is held 80 % of the time while a job runs, so that the status poller can watch the phases go by. */
    private static final Duration RUN = Duration.ofMillis(20);

    private static final Duration PAUSE = Duration.ofMillis(80);

    private static PlatformProcess platform;
    private static TemplateCatalog catalog;
    private static String tenantBKey;

    @BeforeAll
    static void start() {
        platform = PlatformProcess.start("quick", Map.of());
        catalog = platform.templates();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.down();
        }
    }

    private static synchronized String tenantBKey() {
        if (tenantBKey == null) {
            Api.Response r = onboard("tenant_b", platform.adminToken());
            assertThat(r.status()).as("onboard tenant_b: %s", r).isEqualTo(201);
            tenantBKey = r.get("api_key").asText();
        }
        return tenantBKey;
    }

    private static Api.Response onboard(String tenantId, String token) {
        return new Api(platform.url(), null)
                .post(
                        "/api/v1/customers/onboard",
                        Map.of("tenant_id", tenantId),
                        token == null ? Map.of() : Map.of("X-Admin-Token", token));
    }

    @Test
    @Order(1)
    void onboardsASecondTenantWithTheAdminToken() {
        Api.Response wrongToken = onboard("tenant_b", "not-the-token");
        assertThat(wrongToken.status()).as("%s", wrongToken).isEqualTo(401);
        assertThat(wrongToken.isProblem()).as("%s", wrongToken).isTrue();
        Api.Response noToken = onboard("tenant_b", null);
        assertThat(noToken.status()).as("%s", noToken).isEqualTo(401);

        Api.Response invalid = onboard("Bad-Tenant!", platform.adminToken());
        assertThat(invalid.status()).as("%s", invalid).isEqualTo(422);
        assertThat(invalid.isProblem()).as("%s", invalid).isTrue();

        Api.Response created = onboard("tenant_b", platform.adminToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.get("tenant_id").asText()).isEqualTo("tenant_b");
        assertThat(created.get("api_key").asText()).startsWith("tenant_b_api_");
        assertThat(created.get("dataset_created").isBoolean()).as("%s", created).isTrue();
        assertThat(created.get("tables_created").isArray()).as("%s", created).isTrue();
        assertThat(created.json().has("dryrun_status")).as("%s", created).isTrue();
        assertThat(created.json().has("message")).as("%s", created).isTrue();
        tenantBKey = created.get("api_key").asText();

        Api.Response duplicate = onboard("tenant_b", platform.adminToken());
        assertThat(duplicate.status()).as("%s", duplicate).isEqualTo(409);
        assertThat(duplicate.isProblem()).as("%s", duplicate).isTrue();

        // The new key works and sees the same template library.
        Api.Response templates = platform.api(tenantBKey).get("/api/templates");
        assertThat(templates.status()).as("%s", templates).isEqualTo(200);
        // The tenant dataset exists in the warehouse.
        assertThat(platform.datasets()).contains("tenant_b");
    }

    @Test
    @Order(2)
    void templateLibraryListsAtLeastSixTemplatesAcrossFiveIndustries() {
        Api.Response r = platform.api().get("/api/templates");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().isArray()).as("%s", r).isTrue();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        Set<String> industries = new LinkedHashSet<>();
        for (JsonNode t : r.json()) {
            byId.put(t.path("template_id").asText(), t);
            industries.add(t.path("industry").asText());
            assertThat(t.path("name").asText()).as("name of %s", t).isNotBlank();
            assertThat(t.path("table_count").asInt()).as("table_count of %s", t).isPositive();
            assertThat(t.path("total_rows").asLong()).as("total_rows of %s", t).isPositive();
        }
        // The API lists exactly the catalogue in configs/templates, with its counts.
        for (TemplateDefinition t : catalog.all()) {
            assertThat(byId).as("templates listed by the API").containsKey(t.templateId());
            assertThat(byId.get(t.templateId()).path("table_count").asInt()).isEqualTo(t.tableCount());
            assertThat(byId.get(t.templateId()).path("total_rows").asLong()).isEqualTo(t.totalRows());
        }
        assertThat(byId).containsKey("shopify");
        assertThat(byId.size()).as("number of templates %s", byId.keySet()).isGreaterThanOrEqualTo(6);
        assertThat(industries.size()).as("distinct industries %s", industries).isGreaterThanOrEqualTo(5);

        Api.Response one = platform.api().get("/api/templates/shopify");
        assertThat(one.status()).as("%s", one).isEqualTo(200);
        assertThat(one.get("template_id").asText()).isEqualTo("shopify");
        Api.Response missing = platform.api().get("/api/templates/no_such_template");
        assertThat(missing.status()).as("%s", missing).isEqualTo(404);
        assertThat(missing.isProblem()).as("%s", missing).isTrue();
    }

    @Test
    @Order(3)
    void quickProvisionOfShopifyCompletesThroughNamedPhasesAndLoadsEveryRow() {
        TemplateDefinition shopify = catalog.find("shopify").orElseThrow();
        Api api = platform.api();
        List<JsonNode> seen;
        String jobId;
        String demoId;
        try (ProcessThrottle slowWorker = platform.throttle("quick-provisioner", RUN, PAUSE)) {
            Api.Response accepted = api.provisionQuick("shopify", "Acme Outdoor");
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            assertThat(accepted.get("status").asText()).isEqualTo("queued");
            jobId = accepted.get("job_id").asText();
            demoId = accepted.get("demo_id").asText();
            assertThat(jobId).isNotBlank();
            assertThat(demoId).isNotBlank();
            assertThat(accepted.get("status_url").asText()).endsWith(jobId);

            seen = api.pollJob(jobId, Api::isTerminal, Duration.ofSeconds(90), 15, "completed");
        }
        JsonNode done = seen.get(seen.size() - 1);
        assertThat(done.path("status").asText()).as("final job %s", done).isEqualTo("completed");
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(done.path("error").isNull()).as("error of %s", done).isTrue();
        assertThat(done.path("result").path("demo_id").asText()).isEqualTo(demoId);
        assertThat(done.path("tenant_id").asText()).isEqualTo(platform.tenant());
        assertThat(done.path("type").asText()).isEqualTo("quick");
        assertThat(done.path("attempts").asInt()).isEqualTo(1);

        // Progress rises, never falls, through named phases.
        List<String> phases = new ArrayList<>();
        int previous = -1;
        for (JsonNode j : seen) {
            int progress = j.path("progress").asInt();
            assertThat(progress)
                    .as("progress never decreases (%s after %d)", j.path("current_phase"), previous)
                    .isGreaterThanOrEqualTo(previous);
            previous = progress;
            String phase = j.path("current_phase").asText();
            assertThat(phase).as("current_phase of %s", j).isNotBlank();
            if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
                phases.add(phase);
            }
        }
        long distinctProgress =
                seen.stream().map(j -> j.path("progress").asInt()).distinct().count();
        assertThat(distinctProgress)
                .as("distinct progress values seen, phases %s", phases)
                .isGreaterThanOrEqualTo(3);
        assertThat(phases).as("phases seen").contains("loading_tables", "completed");
        assertThat(phases.size()).as("phases seen %s", phases).isGreaterThanOrEqualTo(3);
        assertThat(phases).as("phases are named, not numbers").allMatch(p -> p.matches("[a-z_]+"));

        // Logs carry timestamps, in order.
        JsonNode logs = done.path("logs");
        assertThat(logs.size()).as("logs").isGreaterThanOrEqualTo(3);
        Instant last = Instant.EPOCH;
        for (JsonNode log : logs) {
            Instant ts = Instant.parse(log.path("ts").asText());
            assertThat(ts).as("log timestamps are ordered: %s", log).isAfterOrEqualTo(last);
            last = ts;
            assertThat(log.path("level").asText()).isNotBlank();
            assertThat(log.path("message").asText()).isNotBlank();
        }

        // The demo is ready with the template's shape.
        Api.Response demoAnswer = api.demo(demoId);
        assertThat(demoAnswer.status()).as("%s", demoAnswer).isEqualTo(200);
        JsonNode demo = demoAnswer.json();
        assertThat(demo.path("status").asText()).isEqualTo("ready");
        assertThat(demo.path("template_id").asText()).isEqualTo("shopify");
        assertThat(demo.path("dataset_id").asText()).isEqualTo(demoId);
        assertThat(demo.path("agent_id").asText()).isNotBlank();
        JsonNode metadata = demo.path("metadata");
        assertThat(metadata.path("table_count").asInt()).isEqualTo(shopify.tableCount());
        assertThat(metadata.path("total_rows").asLong()).isEqualTo(shopify.totalRows());
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(shopify.tableCount())
                .as("shopify template: table count")
                .isEqualTo(15);
        soft.assertThat(shopify.totalRows()).as("shopify template: total rows").isEqualTo(145_000L);
        soft.assertThat(metadata.path("table_count").asInt())
                .as("demo metadata.table_count")
                .isEqualTo(15);
        soft.assertThat(metadata.path("total_rows").asLong())
                .as("demo metadata.total_rows")
                .isEqualTo(145_000L);
        soft.assertThat(demo.path("golden_queries").size())
                .as("demo golden queries")
                .isEqualTo(shopify.goldenQueries().size());

        // The warehouse holds exactly the declared rows, table by table.
        DuckDbWarehouse warehouse = platform.warehouse();
        assertThat(warehouse.listTables(demoId)).containsExactlyInAnyOrderElementsOf(shopify.tableNames());
        for (TableSpec table : shopify.tables()) {
            soft.assertThat(warehouse.countRows(demoId, table.name()))
                    .as("rows in %s", table.name())
                    .isEqualTo(table.rows());
            soft.assertThat(metadata.path("tables").path(table.name()).asLong())
                    .as("metadata rows of %s", table.name())
                    .isEqualTo(table.rows());
        }
        soft.assertAll();
    }

    @Test
    @Order(4)
    void everyTemplateProvisionsAndEveryGoldenQueryReturnsRows() {
        Api api = platform.api();
        Map<String, String[]> jobs = new LinkedHashMap<>(); // template -> {job, demo}
        for (TemplateDefinition t : catalog.all()) {
            Api.Response r = api.provisionQuick(t.templateId(), "All " + t.templateId());
            assertThat(r.status()).as("provision %s: %s", t.templateId(), r).isEqualTo(202);
            jobs.put(
                    t.templateId(),
                    new String[] {r.get("job_id").asText(), r.get("demo_id").asText()});
        }
        DuckDbWarehouse warehouse = platform.warehouse();
        SoftAssertions soft = new SoftAssertions();
        int queriesRun = 0;
        for (TemplateDefinition t : catalog.all()) {
            String jobId = jobs.get(t.templateId())[0];
            String demoId = jobs.get(t.templateId())[1];
            JsonNode job = api.awaitTerminal(jobId, Duration.ofSeconds(120));
            soft.assertThat(job.path("status").asText())
                    .as("%s job: %s", t.templateId(), job.path("error"))
                    .isEqualTo("completed");
            if (!job.path("status").asText().equals("completed")) {
                continue;
            }
            JsonNode demo = api.demo(demoId).json();
            soft.assertThat(demo.path("status").asText())
                    .as("%s demo status", t.templateId())
                    .isEqualTo("ready");
            soft.assertThat(demo.path("metadata").path("table_count").asInt())
                    .as("%s table_count", t.templateId())
                    .isEqualTo(t.tableCount());
            soft.assertThat(demo.path("metadata").path("total_rows").asLong())
                    .as("%s total_rows", t.templateId())
                    .isEqualTo(t.totalRows());
            for (TableSpec table : t.tables()) {
                soft.assertThat(warehouse.countRows(demoId, table.name()))
                        .as("%s.%s rows", t.templateId(), table.name())
                        .isEqualTo(table.rows());
            }
            soft.assertThat(t.goldenQueries())
                    .as("%s golden queries", t.templateId())
                    .isNotEmpty();
            for (GoldenQuery q : t.goldenQueries()) {
                queriesRun++;
                try {
                    QueryResult result = warehouse.query(demoId, q.sql(), 1000);
                    soft.assertThat(result.rows())
                            .as("%s: \"%s\" returns rows", t.templateId(), q.question())
                            .isNotEmpty();
                } catch (RuntimeException e) {
                    soft.fail(t.templateId() + ": \"" + q.question() + "\" failed: " + e.getMessage());
                }
            }
        }
        System.out.printf("provisioned %d templates, ran %d golden queries%n", jobs.size(), queriesRun);
        soft.assertAll();
    }

    @Test
    @Order(5)
    void anotherTenantCannotSeeTheJobOrTheDemo() {
        Api tenantA = platform.api();
        Api tenantB = platform.api(tenantBKey());

        Api.Response a = tenantA.provisionQuick("shopify", "Tenant A only");
        assertThat(a.status()).as("%s", a).isEqualTo(202);
        String jobA = a.get("job_id").asText();
        String demoA = a.get("demo_id").asText();
        Api.Response b = tenantB.provisionQuick("shopify", "Tenant B only");
        assertThat(b.status()).as("%s", b).isEqualTo(202);
        String jobB = b.get("job_id").asText();
        String demoB = b.get("demo_id").asText();

        assertThat(tenantA.awaitTerminal(jobA, Duration.ofSeconds(60))
                        .path("status")
                        .asText())
                .isEqualTo("completed");
        assertThat(tenantB.awaitTerminal(jobB, Duration.ofSeconds(60))
                        .path("status")
                        .asText())
                .isEqualTo("completed");

        for (Api.Response r : List.of(tenantB.job(jobA), tenantB.demo(demoA), tenantA.job(jobB), tenantA.demo(demoB))) {
            assertThat(r.status()).as("cross-tenant read: %s", r).isEqualTo(404);
            assertThat(r.isProblem()).as("%s", r).isTrue();
            assertThat(r.body())
                    .as("no data of the other tenant leaks")
                    .doesNotContain("Tenant A only", "Tenant B only");
        }
        // Same answer as for an id that does not exist at all.
        assertThat(tenantB.job("job_doesnotexist").status()).isEqualTo(404);

        assertThat(ids(tenantB.get("/api/demos"))).contains(demoB).doesNotContain(demoA);
        assertThat(ids(tenantA.get("/api/demos"))).contains(demoA).doesNotContain(demoB);

        Api.Response noKey = platform.api("nobody_api_wrong").job(jobA);
        assertThat(noKey.status()).as("%s", noKey).isEqualTo(401);
    }

    private static List<String> ids(Api.Response demos) {
        assertThat(demos.status()).as("%s", demos).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        demos.json().path("demos").forEach(d -> ids.add(d.path("demo_id").asText()));
        return ids;
    }

    /**
     * The edge rules in the packaged services (prod profile, started by ./platform): operations endpoints behind the admin
     * token on every service, health open without paths, security headers, and the data directory private.
     */
    @Test
    @Order(6)
    void theProdEdgeProtectsOperationsEndpointsAndTheDataDirectoryIsPrivate() throws Exception {
        for (String service : PlatformProcess.SERVICES) {
            String base = "http://127.0.0.1:" + platform.port(service);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String path : new String[] {"/q/metrics", "/q/openapi"}) {
                var open = http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(open.statusCode())
                        .as(service + path + " without the token")
                        .isEqualTo(401);
                assertThat(open.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                var admin = http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                                .header("X-Admin-Token", platform.adminToken())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(admin.statusCode())
                        .as(service + path + " with the token")
                        .isEqualTo(200);
            }
            var health = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/q/health/ready"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .doesNotContain(platform.dataDir().toString())
                    .doesNotContain("platform.db");
            assertThat(health.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(health.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(health.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("script-src 'self'");
            var swagger = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/q/swagger-ui/"))
                            .header("X-Admin-Token", platform.adminToken())
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(swagger.statusCode())
                    .as(service + " Swagger UI is off in prod")
                    .isNotEqualTo(200);
        }
        java.nio.file.Path data = platform.dataDir();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        try (var files = java.nio.file.Files.walk(data)) {
            for (java.nio.file.Path f :
                    files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                                java.nio.file.Files.getPosixFilePermissions(f)))
                        .as(f.toString())
                        .endsWith("------");
            }
        }
    }
}
