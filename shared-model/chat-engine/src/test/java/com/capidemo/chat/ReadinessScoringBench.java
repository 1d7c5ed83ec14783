package com.capidemo.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.AgentSpec;
import com.capidemo.core.port.QuerySession;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.TemplateLibrary;
import com.capidemo.core.template.TableSpec;
import com.capidemo.core.template.TemplateDefinition;
import com.capidemo.duckdb.DuckDbWarehouse;
import com.capidemo.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Readiness scoring rate: demos of the shopify template, each its own dataset (hard links of the template's
 * parquet, as provisioning makes them) with an agent that has never seen it, scored one after another as the
 * quick-provisioner's scorer does: first with a DuckDB per query (the old path), then with one session per dataset,
 * then with one session per dataset and two demos scored at once (the scorer's workers).
 * Both must give the same scores. Written to {@code bench.results} (default ../bench/results) as
 * readiness-latest.json and .md. Run by bench/run (-Dtest=ReadinessScoringBench); not part of the normal build.
 */
class ReadinessScoringBench {

    private static final int DEMOS = Integer.getInteger("bench.readiness.demos", 40);
    private static final int WORKERS = Integer.getInteger("bench.readiness.workers", 2);
    private static final LocalObjectStore OBJECTS =
            new LocalObjectStore(ChatFixtures.warehouseRoot().resolveSibling("objects"));

    @Test
    void scoresDemosWithOneSessionPerDataset() throws Exception {
        Warehouse warehouse = ChatFixtures.warehouse();
        TemplateDefinition t = ChatFixtures.template("shopify");
        ChatFixtures.agentSpec("shopify"); // materialises the template's parquet
        List<AgentSpec> perQuery = datasets(warehouse, t, "rq");
        List<AgentSpec> perSession = datasets(warehouse, t, "rs");
        List<AgentSpec> parallel = datasets(warehouse, t, "rp");

        // The first three paths run every query (no results kept), as before the result cache.
        Warehouse uncached = new DuckDbWarehouse(
                ChatFixtures.warehouseRoot(), OBJECTS, DuckDbWarehouse.QUERY_TIMEOUT_SECONDS, 0, Clock.systemUTC());
        LocalChatAgent agent = new LocalChatAgent(uncached, spec -> LocalChatAgent.declaredKeys(t));
        ReadinessCheck.score(
                agent,
                perQuery.get(0),
                (sql, max) -> uncached.query(perQuery.get(0).datasetId(), sql, max),
                Clock.systemUTC());

        long started = System.nanoTime();
        List<Readiness> old = new ArrayList<>();
        for (AgentSpec spec : perQuery.subList(1, perQuery.size())) {
            old.add(ReadinessCheck.score(
                    agent, spec, (sql, max) -> uncached.query(spec.datasetId(), sql, max), Clock.systemUTC()));
        }
        double oldSeconds = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        List<Readiness> now = bySession(uncached, agent, perSession.subList(1, perSession.size()), 1);
        double newSeconds = (System.nanoTime() - started) / 1e9;

        // Readiness jobs delivered side by side: WORKERS demos at a time, a session each.
        started = System.nanoTime();
        List<Readiness> together = bySession(uncached, agent, parallel.subList(1, parallel.size()), WORKERS);
        double parallelSeconds = (System.nanoTime() - started) / 1e9;

        // The warehouse as deployed: results kept while the files they read are unchanged. A fresh cache each time,
        // and the first demo counted too, so the queries really run once per path.
        Warehouse kept = new DuckDbWarehouse(ChatFixtures.warehouseRoot(), OBJECTS, Clock.systemUTC());
        LocalChatAgent keptAgent = new LocalChatAgent(kept, spec -> LocalChatAgent.declaredKeys(t));
        started = System.nanoTime();
        List<Readiness> cachedOne = bySession(kept, keptAgent, perSession, 1);
        double cachedOneSeconds = (System.nanoTime() - started) / 1e9;
        Warehouse keptToo = new DuckDbWarehouse(ChatFixtures.warehouseRoot(), OBJECTS, Clock.systemUTC());
        LocalChatAgent keptTooAgent = new LocalChatAgent(keptToo, spec -> LocalChatAgent.declaredKeys(t));
        started = System.nanoTime();
        List<Readiness> cachedTwo = bySession(keptToo, keptTooAgent, parallel, WORKERS);
        double cachedTwoSeconds = (System.nanoTime() - started) / 1e9;

        int n = DEMOS - 1;
        double oldRate = n / oldSeconds;
        double newRate = n / newSeconds;
        double parallelRate = n / parallelSeconds;
        double cachedOneRate = DEMOS / cachedOneSeconds;
        double cachedTwoRate = DEMOS / cachedTwoSeconds;
        assertThat(now)
                .extracting(Readiness::score)
                .containsExactlyElementsOf(old.stream().map(Readiness::score).toList());
        assertThat(cachedOne.subList(1, DEMOS))
                .extracting(Readiness::score)
                .containsExactlyElementsOf(old.stream().map(Readiness::score).toList());
        assertThat(cachedTwo.subList(1, DEMOS))
                .extracting(Readiness::score)
                .containsExactlyElementsOf(old.stream().map(Readiness::score).toList());
        assertThat(together)
                .extracting(Readiness::score)
                .containsExactlyElementsOf(old.stream().map(Readiness::score).toList());

        Path dir = Path.of(System.getProperty("bench.results", "../bench/results"))
                .toAbsolutePath()
                .normalize();
        Files.createDirectories(dir);
        String env = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", load average "
                + Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        String md = "# Readiness scoring rate (" + Instant.now() + ", " + env + ")\n\n"
                + n + " shopify demos, " + t.goldenQueries().size()
                + " golden questions each, each demo its own dataset"
                + " and new to the agent: scored one after another on the first two paths, " + WORKERS
                + " at a time (readiness jobs delivered side by side) on the third.\n\n"
                + "| path | demos/s | ms per demo |\n|---|---|---|\n"
                + String.format("| a DuckDB per query (before) | %.1f | %.0f |%n", oldRate, 1000 / oldRate)
                + String.format("| one session per dataset | %.1f | %.0f |%n", newRate, 1000 / newRate)
                + String.format(
                        "| one session per dataset, %d scorers | %.1f | %.0f |%n",
                        WORKERS, parallelRate, 1000 / parallelRate)
                + String.format(
                        "| results kept while the files are unchanged (as deployed) | %.1f | %.0f |%n",
                        cachedOneRate, 1000 / cachedOneRate)
                + String.format(
                        "| results kept, %d scorers (as deployed after a burst) | %.1f | %.0f |%n",
                        WORKERS, cachedTwoRate, 1000 / cachedTwoRate)
                + "\nThe first three paths run every query; the last two keep a result while the parquet files it read are"
                + " the same files (QueryResultCache: demos of one template hard-link its files), each with a fresh cache"
                + " and all " + DEMOS + " demos timed, the first one's queries run. Scores identical on every path: "
                + now.get(0).score() + " % each.\n";
        Files.writeString(dir.resolve("readiness-latest.md"), md);
        Files.writeString(
                dir.resolve("readiness-latest.json"),
                String.format(
                        java.util.Locale.ROOT,
                        "{\"date\":\"%s\",\"env\":\"%s\",\"demos\":%d,\"golden_questions\":%d,"
                                + "\"per_query_demos_per_s\":%.2f,\"session_demos_per_s\":%.2f,\"workers\":%d,"
                                + "\"parallel_demos_per_s\":%.2f,\"kept_results_demos_per_s\":%.2f,\"kept_results_parallel_demos_per_s\":%.2f,"
                                + "\"score\":%s}%n",
                        Instant.now(),
                        env,
                        n,
                        t.goldenQueries().size(),
                        oldRate,
                        newRate,
                        WORKERS,
                        parallelRate,
                        cachedOneRate,
                        cachedTwoRate,
                        now.get(0).score()));
        System.out.println(md);
        for (AgentSpec spec : perQuery) {
            warehouse.dropDataset(spec.datasetId());
        }
        for (AgentSpec spec : perSession) {
            warehouse.dropDataset(spec.datasetId());
        }
        for (AgentSpec spec : parallel) {
            warehouse.dropDataset(spec.datasetId());
        }
    }

    /** Scores each demo in a session of its own, {@code workers} demos at a time; scores in the demos' order. */
    private static List<Readiness> bySession(
            Warehouse warehouse, LocalChatAgent agent, List<AgentSpec> specs, int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Readiness>> futures = new ArrayList<>();
            for (AgentSpec spec : specs) {
                futures.add(pool.submit(() -> {
                    try (QuerySession session = warehouse.session(spec.datasetId())) {
                        return ReadinessCheck.score(agent, spec, session, Clock.systemUTC());
                    }
                }));
            }
            List<Readiness> out = new ArrayList<>();
            for (Future<Readiness> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static List<AgentSpec> datasets(Warehouse warehouse, TemplateDefinition t, String prefix) {
        List<AgentSpec> specs = new ArrayList<>();
        for (int i = 0; i < DEMOS; i++) {
            String dataset = prefix + "_" + System.nanoTime() + "_" + i;
            warehouse.createDataset(dataset, Map.of("template", t.templateId()));
            for (TableSpec table : t.tables()) {
                warehouse.loadParquet(dataset, table.name(), TemplateLibrary.tableObject(t.templateId(), table.name()));
            }
            specs.add(new AgentSpec(
                    "demo_" + dataset,
                    "tenant_bench",
                    dataset,
                    t.tableNames(),
                    t.systemInstruction(),
                    t.domainGoldenQueries()));
        }
        return specs;
    }
}
