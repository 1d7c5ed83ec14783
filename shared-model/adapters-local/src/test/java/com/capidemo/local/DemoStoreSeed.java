package com.capidemo.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Tenant;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.core.template.TemplateTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeds a platform's SQLite store for the demo-management benchmark (bench/run-demos), directly through the store
 * adapters, not by provisioning: {@code bench.seed.tenants} tenants (10) with {@code bench.seed.users} users each (10,
 * one API key apiece; the key's ciphertext is a placeholder, only its SHA-256 is ever read), and
 * {@code bench.seed.demos} demos (100,000) spread evenly over the tenants and users: templates in turn, created over
 * the last 365 days, 85 % ready (template golden queries by reference, table metadata), 10 % provisioning, 5 %
 * failed, 2 % pinned. Writes {@code tenant user key demo_id…} lines (one per user, with a sample of the tenant's demo
 * ids) to {@code bench.seed.out}. Skipped unless {@code bench.seed.db} names the store file.
 */
class DemoStoreSeed {

    @Test
    void seed() throws Exception {
        String dbFile = System.getProperty("bench.seed.db");
        assumeTrue(dbFile != null && !dbFile.isBlank(), "bench.seed.db not set: nothing to seed");
        int tenants = Integer.getInteger("bench.seed.tenants", 10);
        int users = Integer.getInteger("bench.seed.users", 10);
        int total = Integer.getInteger("bench.seed.demos", 100_000);
        Path out = Path.of(System.getProperty("bench.seed.out", "seed-keys.txt"));

        SqliteDatabase db = new SqliteDatabase(Path.of(dbFile));
        SqliteTenantStore tenantStore = new SqliteTenantStore(db);
        SqliteDemoStore demos = new SqliteDemoStore(db, Clock.systemUTC());
        List<TemplateDefinition> templates = TemplateTestSupport.catalog().all();
        Random random = new Random(11);
        SecureRandom keys = new SecureRandom();
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        long started = System.nanoTime();
        String run = Ids.randomHex(2);
        for (int t = 0; t < tenants; t++) {
            String tenant = "bench" + run + "_" + t;
            List<String> keyLines = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                byte[] b = new byte[12];
                keys.nextBytes(b);
                String key = tenant + "_api_"
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
                String email = "ce" + u + "@" + tenant + ".example";
                ApiKey k = new ApiKey(
                        Ids.sha256(key),
                        tenant,
                        email,
                        u == 0 ? ApiKey.ADMIN : ApiKey.MEMBER,
                        new byte[] {0},
                        now,
                        false);
                if (u == 0) {
                    tenantStore
                            .createWithKey(new Tenant(tenant, tenant, now), k)
                            .orElseThrow();
                } else {
                    tenantStore.addKey(k);
                }
                keyLines.add(tenant + " " + email + " " + key);
            }
            List<String> sample = new ArrayList<>();
            int perTenant = total / tenants;
            for (int i = 0; i < perTenant; i++) {
                TemplateDefinition tpl = templates.get(i % templates.size());
                String user = "ce" + (i % users) + "@" + tenant + ".example";
                Instant created = now.minus(Duration.ofSeconds(random.nextInt(365 * 24 * 3600)));
                String demoId = Ids.demoId();
                demos.create(Demo.provisioning(
                        demoId,
                        tenant,
                        user,
                        "Customer " + tenant + " " + i,
                        tpl.industry(),
                        tpl.templateId(),
                        created));
                int kind = random.nextInt(100);
                if (kind < 85) {
                    Map<String, Long> rows = new LinkedHashMap<>();
                    for (TableSpec table : tpl.tables()) {
                        rows.put(table.name(), table.rows());
                    }
                    demos.markReady(
                            demoId,
                            demoId,
                            "agent_" + demoId,
                            tpl.domainGoldenQueries(),
                            Map.of("table_count", tpl.tableCount(), "total_rows", tpl.totalRows(), "tables", rows));
                    if (random.nextInt(100) < 2) {
                        demos.setPinned(demoId, true, created.plusSeconds(60));
                    }
                } else if (kind < 90) {
                    demos.markFailed(demoId, "seeded failure");
                }
                if (sample.size() < 200 && random.nextInt(perTenant / 200 + 1) == 0) {
                    sample.add(demoId);
                }
            }
            for (String line : keyLines) {
                lines.add(line + " " + String.join(" ", sample));
            }
        }
        Files.write(out, lines);
        System.out.printf(
                "seeded %d demos across %d tenants (%d users each) into %s in %.1f s; keys in %s%n",
                total, tenants, users, dbFile, (System.nanoTime() - started) / 1e9, out.toAbsolutePath());
        db.close();
    }
}
