package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoCount;
import com.capidemo.core.domain.DemoCursor;
import com.capidemo.core.domain.DemoFilter;
import com.capidemo.core.domain.DemoStats;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.DemoSummary;
import com.capidemo.core.domain.GoldenQuery;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Job;
import com.capidemo.core.domain.JobPayload;
import com.capidemo.core.domain.Readiness;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.JobStore;
import com.capidemo.core.port.Keyset;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link DemoStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators). */
public abstract class DemoStoreContract {

    protected abstract DemoStore store();

    /** The job store over the same data (deleting a provisioning demo depends on its jobs). */
    protected abstract JobStore jobs();

    /** Whether {@link DemoStats#oldestSince} is reported (a store without a change version may leave it null). */
    protected boolean reportsOldestSince() {
        return true;
    }

    private Demo provisioning(String tenant, Instant created) {
        Demo demo = Demo.provisioning(Ids.demoId(), tenant, "ce@example.com", "Acme", "Retail", "shopify", created);
        assertThat(store().create(demo)).isTrue();
        return demo;
    }

    @Test
    void aDemoMovesFromProvisioningToReadyWithItsDatasetAgentAndQueries() {
        Demo demo = provisioning("t_" + Ids.randomHex(3), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertThat(store().create(demo)).as("a second create").isFalse();
        GoldenQuery q = new GoldenQuery("How many orders?", "SELECT count(*) FROM orders", "simple", "single_value");

        assertThat(store().markReady(
                                demo.demoId(),
                                demo.demoId(),
                                "agent_x",
                                List.of(q),
                                Map.of("table_count", 15, "total_rows", 145000)))
                .isTrue();

        Demo ready = store().find(demo.demoId()).orElseThrow();
        assertThat(ready.status()).isEqualTo(DemoStatus.READY);
        assertThat(ready.datasetId()).isEqualTo(demo.demoId());
        assertThat(ready.agentId()).isEqualTo("agent_x");
        assertThat(ready.goldenQueries()).containsExactly(q);
        assertThat(((Number) ready.metadata().get("total_rows")).longValue()).isEqualTo(145000L);
        assertThat(ready.createdAt()).isEqualTo(demo.createdAt());
        assertThat(store().markFailed(demo.demoId(), "too late"))
                .as("a ready demo does not fail")
                .isFalse();
    }

    @Test
    void aProvisioningDemoCanFail() {
        Demo demo = provisioning("t_" + Ids.randomHex(3), Instant.now());
        assertThat(store().markFailed(demo.demoId(), "dead-lettered")).isTrue();
        assertThat(store().find(demo.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.FAILED);
    }

    @Test
    void aTenantsDemosAreListedNewestFirstAndOnlyTheirs() {
        String tenant = "t_" + Ids.randomHex(3);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Demo older = provisioning(tenant, t0.minusSeconds(60));
        Demo newer = provisioning(tenant, t0);
        provisioning("other_" + Ids.randomHex(3), t0);

        assertThat(store().list(tenant, DemoFilter.all(), Optional.empty(), 10))
                .extracting(DemoSummary::demoId)
                .containsExactly(newer.demoId(), older.demoId());
        assertThat(store().list(tenant, DemoFilter.all(), Optional.empty(), 1)).hasSize(1);
    }

    /** A demo stored as given (owner, template, name, pinned, creation time). */
    protected Demo demo(
            String tenant, String owner, String template, String customer, boolean pinned, Instant created) {
        Demo d = new Demo(
                Ids.demoId(),
                tenant,
                owner,
                customer,
                "Retail",
                template,
                null,
                null,
                DemoStatus.PROVISIONING,
                created,
                created,
                null,
                pinned,
                List.of(),
                Map.of(),
                null,
                pinned ? created : null,
                null,
                null);
        assertThat(store().create(d)).isTrue();
        return d;
    }

    @Test
    void keysetPagesReturnEveryDemoOnceNewestFirstEvenWhenCreationTimesTie() {
        String tenant = "t_" + Ids.randomHex(3);
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            all.add(demo(tenant, "ce@x.example", "shopify", "Acme " + i, false, t0.plusSeconds(i / 3))
                    .demoId());
        }
        List<DemoSummary> seen = new ArrayList<>();
        Optional<DemoCursor> cursor = Optional.empty();
        for (int page = 0; page < 10; page++) {
            List<DemoSummary> got = store().list(tenant, DemoFilter.all(), cursor, 5);
            seen.addAll(got);
            if (got.size() < 5) {
                break;
            }
            cursor = Optional.of(got.get(got.size() - 1).cursor());
        }
        assertThat(seen)
                .extracting(DemoSummary::demoId)
                .containsExactlyInAnyOrderElementsOf(all)
                .doesNotHaveDuplicates();
        for (int i = 1; i < seen.size(); i++) {
            DemoSummary a = seen.get(i - 1);
            DemoSummary b = seen.get(i);
            assertThat(a.createdAt().isAfter(b.createdAt())
                            || (a.createdAt().equals(b.createdAt())
                                    && a.demoId().compareTo(b.demoId()) > 0))
                    .as("ordered by (created_at, demo_id) descending at %d", i)
                    .isTrue();
        }
    }

    @Test
    void listItemsCarryTheCompactFieldsAndFiltersCombine() {
        String tenant = "t_" + Ids.randomHex(3);
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        Demo a = demo(tenant, "ana@x.example", "shopify", "Acme Retail, Inc.", true, t0);
        Demo b = demo(tenant, "ana@x.example", "banking", "Blue Harbor Bank", false, t0.plusSeconds(1));
        Demo c = demo(tenant, "bo@x.example", "shopify", "Acme Outdoor", false, t0.plusSeconds(2));
        Demo d = demo(tenant, "bo@x.example", null, "Custom Corp", false, t0.plusSeconds(3));
        store().markReady(
                        a.demoId(), a.demoId(), "agent_a", List.of(), Map.of("table_count", 15, "total_rows", 145000));
        store().recordReadiness(a.demoId(), new Readiness(95.5, 21, 22, List.of("q"), t0));
        store().markFailed(c.demoId(), "boom");
        store().markDeleted(d.demoId(), t0.plusSeconds(9));

        DemoSummary item = store().list(tenant, DemoFilter.all().withStatus(DemoStatus.READY), Optional.empty(), 10)
                .get(0);
        assertThat(item.demoId()).isEqualTo(a.demoId());
        assertThat(item.customerName()).isEqualTo("Acme Retail, Inc.");
        assertThat(item.templateId()).isEqualTo("shopify");
        assertThat(item.industry()).isEqualTo("Retail");
        assertThat(item.isPinned()).isTrue();
        assertThat(item.createdBy()).isEqualTo("ana@x.example");
        assertThat(item.createdAt()).isEqualTo(t0);
        assertThat(item.tableCount()).isEqualTo(15);
        assertThat(item.totalRows()).isEqualTo(145000);
        assertThat(item.readinessScore()).isEqualTo(95.5);

        assertThat(ids(tenant, DemoFilter.all()))
                .as("deleted demos are left out")
                .containsExactly(c.demoId(), b.demoId(), a.demoId());
        assertThat(ids(tenant, DemoFilter.all().withStatus(DemoStatus.DELETED))).containsExactly(d.demoId());
        assertThat(ids(
                        tenant,
                        new DemoFilter(
                                Optional.empty(),
                                Optional.of("shopify"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())))
                .containsExactly(c.demoId(), a.demoId());
        assertThat(ids(tenant, DemoFilter.all().withPinned(true))).containsExactly(a.demoId());
        assertThat(ids(tenant, DemoFilter.createdBy("ana@x.example"))).containsExactly(b.demoId(), a.demoId());
        assertThat(ids(tenant, query("acme"))).containsExactly(c.demoId(), a.demoId());
        assertThat(ids(tenant, query("ACME ret"))).containsExactly(a.demoId());
        assertThat(ids(tenant, query("inc"))).containsExactly(a.demoId());
        assertThat(ids(tenant, query("cme")))
                .as("only from the start of a word")
                .isEmpty();
        assertThat(ids(tenant, query("acme").withCreatedBy("bo@x.example").withStatus(DemoStatus.FAILED)))
                .containsExactly(c.demoId());
        assertThat(ids("t_nobody", DemoFilter.all())).isEmpty();
    }

    private static DemoFilter query(String q) {
        return new DemoFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(q));
    }

    private List<String> ids(String tenant, DemoFilter filter) {
        return store().list(tenant, filter, Optional.empty(), 50).stream()
                .map(DemoSummary::demoId)
                .toList();
    }

    @Test
    void pinningRecordsWhenOnceAndUnpinningClearsIt() {
        Demo demo = provisioning("t_" + Ids.randomHex(3), Instant.now());
        Instant t1 = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(store().setPinned(demo.demoId(), true, t1)).isTrue();
        assertThat(store().setPinned(demo.demoId(), true, t1.plusSeconds(60)))
                .as("again")
                .isTrue();
        Demo pinned = store().find(demo.demoId()).orElseThrow();
        assertThat(pinned.isPinned()).isTrue();
        assertThat(pinned.pinnedAt()).as("the first pin").isEqualTo(t1);
        assertThat(store().setPinned(demo.demoId(), false, t1.plusSeconds(120))).isTrue();
        Demo unpinned = store().find(demo.demoId()).orElseThrow();
        assertThat(unpinned.isPinned()).isFalse();
        assertThat(unpinned.pinnedAt()).isNull();
        assertThat(store().setPinned("demo_missing", true, t1)).isFalse();
        store().markFailed(demo.demoId(), "x");
        store().markDeleted(demo.demoId(), t1);
        assertThat(store().setPinned(demo.demoId(), true, t1))
                .as("a deleted demo")
                .isFalse();
    }

    @Test
    void statsCountOneUsersDemosThatAreNotDeleted() {
        String tenant = "t_" + Ids.randomHex(3);
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        Demo a = demo(tenant, "ana@x.example", "shopify", "A", true, t0);
        demo(tenant, "ana@x.example", "shopify", "B", false, t0.plusSeconds(86_400 * 20));
        Demo c = demo(tenant, "ana@x.example", "banking", "C", true, t0.plusSeconds(86_400 * 40));
        demo(tenant, "ana@x.example", null, "D", false, t0.plusSeconds(86_400 * 41));
        Demo e = demo(tenant, "ana@x.example", "saas", "E", true, t0.plusSeconds(86_400 * 42));
        demo(tenant, "bo@x.example", "shopify", "F", true, t0);
        store().markReady(a.demoId(), a.demoId(), "agent_a", List.of(), Map.of());
        store().markFailed(c.demoId(), "boom");
        store().markDeleted(e.demoId(), t0.plusSeconds(86_400 * 43));

        DemoStats stats =
                store().stats(tenant, "ana@x.example", t0.plusSeconds(86_400 * 30), List.of("shopify", "banking"));
        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.createdSince()).isEqualTo(2);
        assertThat(stats.pinned()).isEqualTo(2);
        assertThat(stats.byStatus())
                .containsEntry("ready", 1L)
                .containsEntry("failed", 1L)
                .containsEntry("provisioning", 2L)
                .containsEntry("archived", 0L)
                .doesNotContainKey("deleted");
        assertThat(stats.byTemplate())
                .containsEntry("shopify", 2L)
                .containsEntry("banking", 1L)
                .containsEntry("custom", 1L)
                .doesNotContainKey("saas");
        assertThat(stats.oldestSince())
                .as("C, the oldest of C and D; E is deleted")
                .isEqualTo(reportsOldestSince() ? t0.plusSeconds(86_400 * 40) : null);
        DemoStats nobody = store().stats(tenant, "nobody@x.example", t0, List.of("shopify"));
        assertThat(nobody.total()).isZero();
        assertThat(nobody.oldestSince()).isNull();
    }

    @Test
    void readyDemosNeverScoredAreListed() {
        Demo demo = provisioning("t_" + Ids.randomHex(3), Instant.now());
        assertThat(store().listReadyUnscored(1000)).doesNotContain(demo.demoId());
        store().markReady(demo.demoId(), demo.demoId(), "agent_x", List.of(), Map.of());
        assertThat(store().listReadyUnscored(1000)).contains(demo.demoId());
        store().recordReadiness(demo.demoId(), new Readiness(100.0, 1, 1, List.of(), Instant.now()));
        assertThat(store().listReadyUnscored(1000)).doesNotContain(demo.demoId());
    }

    @Test
    void aDeletedDemoKeepsItsRecordWithoutDatasetOrAgentAndDeletingAgainChangesNothing() {
        Demo demo = provisioning("t_" + Ids.randomHex(3), Instant.now());
        store().markReady(demo.demoId(), demo.demoId(), "agent_x", List.of(), Map.of("table_count", 3));
        Instant at = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(store().markDeleted(demo.demoId(), at)).isEqualTo(DemoStore.DeleteOutcome.DELETED);
        Demo deleted = store().find(demo.demoId()).orElseThrow();
        assertThat(deleted.status()).isEqualTo(DemoStatus.DELETED);
        assertThat(deleted.deletedAt()).isEqualTo(at);
        assertThat(deleted.datasetId()).isNull();
        assertThat(deleted.agentId()).isNull();
        assertThat(deleted.customerName()).isEqualTo("Acme");

        assertThat(store().markDeleted(demo.demoId(), at.plusSeconds(60)))
                .isEqualTo(DemoStore.DeleteOutcome.ALREADY_DELETED);
        assertThat(store().find(demo.demoId()).orElseThrow().deletedAt())
                .as("unchanged")
                .isEqualTo(at);
        assertThat(store().markReady(demo.demoId(), demo.demoId(), "agent_y", List.of(), Map.of()))
                .as("a deleted demo never becomes ready again")
                .isFalse();
        assertThat(store().markDeleted("demo_missing", at)).isEqualTo(DemoStore.DeleteOutcome.NOT_FOUND);
    }

    @Test
    void aProvisioningDemoIsDeletedOnlyOnceNoJobWorksOnIt() {
        String tenant = "t_" + Ids.randomHex(3);
        Demo demo = provisioning(tenant, Instant.now());
        Job job = Job.queued(
                Ids.jobId(), demo.demoId(), tenant, new JobPayload.Quick("shopify", null, null), Instant.now());
        assertThat(jobs().create(job)).isTrue();

        assertThat(store().markDeleted(demo.demoId(), Instant.now())).isEqualTo(DemoStore.DeleteOutcome.BUSY);
        assertThat(store().find(demo.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.PROVISIONING);

        jobs().fail(job.jobId(), null, "dead-lettered");
        assertThat(store().markDeleted(demo.demoId(), Instant.now())).isEqualTo(DemoStore.DeleteOutcome.DELETED);
    }

    @Test
    void failedAndArchivedDemosCanBeDeleted() {
        Demo failed = provisioning("t_" + Ids.randomHex(3), Instant.now());
        store().markFailed(failed.demoId(), "boom");
        assertThat(store().markDeleted(failed.demoId(), Instant.now())).isEqualTo(DemoStore.DeleteOutcome.DELETED);
    }

    @Test
    void demosWithTheSameGoldenQueriesEachReadThemBack() {
        String tenant = "t_" + Ids.randomHex(3);
        List<GoldenQuery> golden = List.of(
                new GoldenQuery("How many orders?", "SELECT count(*) FROM orders", "simple", "single_value"),
                new GoldenQuery("Revenue by month?", "SELECT 1", "medium", "time_series"));
        Demo a = provisioning(tenant, Instant.now());
        Demo b = provisioning(tenant, Instant.now());
        store().markReady(a.demoId(), a.demoId(), "agent_a", golden, Map.of());
        store().markReady(b.demoId(), b.demoId(), "agent_b", golden, Map.of());
        store().markReady(b.demoId(), b.demoId(), "agent_b", golden.subList(0, 1), Map.of());

        assertThat(store().find(a.demoId()).orElseThrow().goldenQueries()).containsExactlyElementsOf(golden);
        assertThat(store().find(b.demoId()).orElseThrow().goldenQueries()).containsExactly(golden.get(0));
    }

    @Test
    void aDemosFirstTalkTrackEditGivesItItsOwnQueriesAndLeavesTheSharedOnesAlone() {
        String tenant = "t_" + Ids.randomHex(3);
        List<GoldenQuery> template = List.of(
                new GoldenQuery("How many orders?", "SELECT count(*) FROM orders", "simple", "single_value"),
                new GoldenQuery("Revenue by month?", "SELECT 1", "medium", "time_series"));
        Demo a = provisioning(tenant, Instant.now());
        Demo b = provisioning(tenant, Instant.now());
        store().markReady(a.demoId(), a.demoId(), "agent_a", template, Map.of());
        store().markReady(b.demoId(), b.demoId(), "agent_b", template, Map.of());
        List<GoldenQuery> edited =
                List.of(template.get(1), new GoldenQuery("Orders per customer?", "SELECT 2", "custom", "table"));

        assertThat(store().replaceGoldenQueries(a.demoId(), template, edited)).isTrue();

        assertThat(store().find(a.demoId()).orElseThrow().goldenQueries()).containsExactlyElementsOf(edited);
        assertThat(store().find(b.demoId()).orElseThrow().goldenQueries())
                .as("the other demo of the template")
                .containsExactlyElementsOf(template);
        assertThat(store().replaceGoldenQueries(a.demoId(), template, List.of()))
                .as("an edit based on queries read before the last edit")
                .isFalse();
        assertThat(store().find(a.demoId()).orElseThrow().goldenQueries()).containsExactlyElementsOf(edited);
        assertThat(store().replaceGoldenQueries(a.demoId(), edited, List.of())).isTrue();
        assertThat(store().find(a.demoId()).orElseThrow().goldenQueries()).isEmpty();
        assertThat(store().replaceGoldenQueries(a.demoId(), List.of(), template))
                .isTrue();
        assertThat(store().find(a.demoId()).orElseThrow().goldenQueries()).containsExactlyElementsOf(template);

        Demo provisioning = provisioning(tenant, Instant.now());
        assertThat(store().replaceGoldenQueries(provisioning.demoId(), List.of(), template))
                .as("a demo that is not ready")
                .isFalse();
        assertThat(store().replaceGoldenQueries("demo_missing", List.of(), template))
                .isFalse();
    }

    @Test
    void readinessAndLastUsedAreRecorded() {
        Demo demo = provisioning("t_" + Ids.randomHex(3), Instant.now().minusSeconds(3600));
        Instant checked = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(store().recordReadiness(demo.demoId(), new Readiness(90.0, 9, 10, List.of("q7"), checked)))
                .isTrue();
        Instant used = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(store().touch(demo.demoId(), used)).isTrue();
        assertThat(store().touch(demo.demoId(), used.minusSeconds(5)))
                .as("never backwards")
                .isFalse();

        Demo read = store().find(demo.demoId()).orElseThrow();
        assertThat(read.readiness().score()).isEqualTo(90.0);
        assertThat(read.readiness().failed()).containsExactly("q7");
        assertThat(read.lastUsed()).isEqualTo(used);
        assertThat(store().find("demo_missing")).isEmpty();
    }

    // ----- lifecycle -----

    /** A demo stored as given (back-dated, any status), as lifecycle tests and the e2e seed write them. */
    protected Demo stored(
            String tenant, DemoStatus status, Instant lastUsed, Instant archivedAt, boolean pinned, String datasetId) {
        String id = Ids.demoId();
        Demo demo = new Demo(
                id,
                tenant,
                "ce@example.com",
                "Acme",
                "Retail",
                "shopify",
                datasetId == null ? id : datasetId,
                "agent_" + id,
                status,
                lastUsed.minus(Duration.ofDays(1)),
                lastUsed,
                archivedAt,
                pinned,
                List.of(),
                Map.of());
        assertThat(store().create(demo)).isTrue();
        return demo;
    }

    /** Every page of a scan, following the keyset of each page's last demo. */
    private static List<String> allPages(
            java.util.function.BiFunction<Optional<Keyset>, Integer, List<Demo>> scan,
            java.util.function.Function<Demo, Instant> time,
            int pageSize) {
        List<String> ids = new ArrayList<>();
        Optional<Keyset> after = Optional.empty();
        while (true) {
            List<Demo> page = scan.apply(after, pageSize);
            assertThat(page.size()).isLessThanOrEqualTo(pageSize);
            if (page.isEmpty()) {
                return ids;
            }
            page.forEach(d -> ids.add(d.demoId()));
            Demo last = page.get(page.size() - 1);
            after = Optional.of(new Keyset(time.apply(last), last.demoId()));
        }
    }

    @Test
    void theArchivalScanPagesReadyUnpinnedDemosUsedUpToTheCutoffOldestFirst() {
        // A window in 2001 that no other test writes into (the Firestore emulator is shared by the test JVM).
        Instant base = Instant.parse("2001-03-01T00:00:00Z");
        String tenant = "t_" + Ids.randomHex(3);
        List<Demo> due = new ArrayList<>();
        for (int day = 5; day >= 1; day--) { // stored newest-used first, so the order is the store's, not ours
            due.add(stored(tenant, DemoStatus.READY, base.plus(Duration.ofDays(day)), null, false, null));
        }
        due.add(stored(tenant, DemoStatus.READY, base.plus(Duration.ofDays(3)), null, false, null)); // a tie: by id
        List<String> expected = due.stream()
                .sorted(java.util.Comparator.comparing(Demo::lastUsed).thenComparing(Demo::demoId))
                .map(Demo::demoId)
                .toList();
        stored(tenant, DemoStatus.READY, base.plus(Duration.ofDays(2)), null, true, null); // pinned
        stored(tenant, DemoStatus.ARCHIVED, base.plus(Duration.ofDays(2)), base, false, null); // not ready
        stored(tenant, DemoStatus.READY, base.plus(Duration.ofDays(30)), null, false, null); // after the cutoff

        Instant cutoff = base.plus(Duration.ofDays(5));
        List<String> scanned = allPages((after, n) -> store().scanReadyUnused(cutoff, after, n), Demo::lastUsed, 2);

        assertThat(scanned).containsExactlyElementsOf(expected);
    }

    @Test
    void archivingIsConditionalOnTheDemoStillQualifyingAtWriteTime() {
        Instant base = Instant.parse("2002-01-01T00:00:00Z");
        String tenant = "t_" + Ids.randomHex(3);
        Instant cutoff = base.plus(Duration.ofDays(10));
        Instant now = base.plus(Duration.ofDays(100)).truncatedTo(ChronoUnit.MILLIS);
        Demo old = stored(tenant, DemoStatus.READY, base, null, false, null);
        Demo pinned = stored(tenant, DemoStatus.READY, base, null, true, null);
        Demo template = stored(tenant, DemoStatus.READY, base, null, false, "tmpl_shopify");
        Demo recent = stored(tenant, DemoStatus.READY, cutoff.plusMillis(1), null, false, null);

        assertThat(store().archive(old.demoId(), cutoff, "tmpl_", now)).isTrue();
        assertThat(store().archive(old.demoId(), cutoff, "tmpl_", now))
                .as("a second run")
                .isFalse();
        assertThat(store().archive(pinned.demoId(), cutoff, "tmpl_", now))
                .as("pinned")
                .isFalse();
        assertThat(store().archive(template.demoId(), cutoff, "tmpl_", now))
                .as("template dataset")
                .isFalse();
        assertThat(store().archive(recent.demoId(), cutoff, "tmpl_", now))
                .as("used after the cutoff")
                .isFalse();
        assertThat(store().archive("demo_missing", cutoff, "tmpl_", now)).isFalse();

        Demo archived = store().find(old.demoId()).orElseThrow();
        assertThat(archived.status()).isEqualTo(DemoStatus.ARCHIVED);
        assertThat(archived.archivedAt()).isEqualTo(now);
        assertThat(archived.datasetId()).as("the dataset is kept").isEqualTo(old.datasetId());
        assertThat(store().find(pinned.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.READY);
        assertThat(store().find(template.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.READY);
    }

    @Test
    void anArchivedDemoIsRestoredToReadyWithLastUsedReset() {
        Instant base = Instant.parse("2002-06-01T00:00:00Z");
        Demo demo =
                stored("t_" + Ids.randomHex(3), DemoStatus.ARCHIVED, base, base.plus(Duration.ofDays(90)), false, null);
        Instant now = base.plus(Duration.ofDays(120)).truncatedTo(ChronoUnit.MILLIS);

        assertThat(store().restore(demo.demoId(), now)).isTrue();
        assertThat(store().restore(demo.demoId(), now)).as("no longer archived").isFalse();

        Demo restored = store().find(demo.demoId()).orElseThrow();
        assertThat(restored.status()).isEqualTo(DemoStatus.READY);
        assertThat(restored.lastUsed()).isEqualTo(now);
        assertThat(restored.archivedAt()).isNull();
        assertThat(restored.datasetId()).isEqualTo(demo.datasetId());
    }

    @Test
    void deletionStartsOnlyForDemosArchivedUpToTheCutoffAndStopsTheirRestore() {
        Instant base = Instant.parse("2002-09-01T00:00:00Z");
        String tenant = "t_" + Ids.randomHex(3);
        Instant cutoff = base.plus(Duration.ofDays(10));
        Instant now = base.plus(Duration.ofDays(200)).truncatedTo(ChronoUnit.MILLIS);
        Demo due = stored(tenant, DemoStatus.ARCHIVED, base.minus(Duration.ofDays(90)), cutoff, false, null);
        Demo notYet = stored(tenant, DemoStatus.ARCHIVED, base, cutoff.plusMillis(1), false, null);
        Demo ready = stored(tenant, DemoStatus.READY, base, null, false, null);

        assertThat(store().startDeletion(due.demoId(), cutoff, now)).isTrue();
        assertThat(store().startDeletion(due.demoId(), cutoff, now.plusSeconds(1)))
                .as("again")
                .isTrue();
        assertThat(store().startDeletion(notYet.demoId(), cutoff, now))
                .as("archived after the cutoff")
                .isFalse();
        assertThat(store().startDeletion(ready.demoId(), cutoff, now))
                .as("not archived")
                .isFalse();
        assertThat(store().startDeletion("demo_missing", cutoff, now)).isFalse();

        assertThat(store().restore(due.demoId(), now))
                .as("restore once deletion began")
                .isFalse();
        assertThat(store().find(due.demoId()).orElseThrow().status()).isEqualTo(DemoStatus.ARCHIVED);
        assertThat(store().restore(notYet.demoId(), now))
                .as("an archived demo not being deleted")
                .isTrue();
        assertThat(store().markDeleted(due.demoId(), now)).isEqualTo(DemoStore.DeleteOutcome.DELETED);
        assertThat(store().startDeletion(due.demoId(), cutoff, now))
                .as("deleted")
                .isFalse();
    }

    @Test
    void theDeletionScanPagesArchivedDemosUpToTheCutoffOldestFirst() {
        // Archived before any other test's demo (they archive from 2001 on), in the shared Firestore emulator too.
        Instant base = Instant.parse("1995-01-01T00:00:00Z");
        String tenant = "t_" + Ids.randomHex(3);
        List<String> expected = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            expected.add(stored(
                            tenant,
                            DemoStatus.ARCHIVED,
                            base.minus(Duration.ofDays(100)),
                            base.plus(Duration.ofDays(day)),
                            false,
                            null)
                    .demoId());
        }
        stored(tenant, DemoStatus.ARCHIVED, base, base.plus(Duration.ofDays(40)), false, null); // after the cutoff
        stored(tenant, DemoStatus.READY, Instant.parse("2050-01-01T00:00:00Z"), null, false, null);

        List<String> scanned = allPages(
                (after, n) -> store().scanArchived(base.plus(Duration.ofDays(3)), after, n), Demo::archivedAt, 2);

        assertThat(scanned).containsExactlyElementsOf(expected);
    }

    @Test
    void failedDemosAreListedForLeftoverCleanupUntilMarkedCleaned() {
        Instant base = Instant.parse("2004-01-01T00:00:00Z");
        String tenant = "t_" + Ids.randomHex(3);
        Demo failed = stored(tenant, DemoStatus.FAILED, base, null, false, null); // failed (updated) a day before base
        Demo ready = stored(tenant, DemoStatus.READY, base, null, false, null);

        List<String> due = allPages((after, n) -> store().scanFailedLeftovers(base, after, n), Demo::createdAt, 50);
        assertThat(due).contains(failed.demoId()).doesNotContain(ready.demoId());
        assertThat(store().scanFailedLeftovers(base.minus(Duration.ofDays(2)), Optional.empty(), 1000))
                .extracting(Demo::demoId)
                .as("failed after that cutoff")
                .doesNotContain(failed.demoId());

        assertThat(store().markLeftoverCleaned(failed.demoId(), base)).isTrue();
        assertThat(store().markLeftoverCleaned(failed.demoId(), base))
                .as("a second run")
                .isFalse();
        assertThat(store().markLeftoverCleaned(ready.demoId(), base))
                .as("not failed")
                .isFalse();
        assertThat(allPages((after, n) -> store().scanFailedLeftovers(base, after, n), Demo::createdAt, 50))
                .doesNotContain(failed.demoId());
    }

    @Test
    void demosAreCountedPerStatusTenantAndTemplate() {
        String tenant = "t_" + Ids.randomHex(4);
        Instant now = Instant.now();
        stored(tenant, DemoStatus.READY, now, null, false, null);
        stored(tenant, DemoStatus.READY, now, null, true, null);
        stored(tenant, DemoStatus.ARCHIVED, now, now, false, null);

        List<DemoCount> mine = store().countDemos().stream()
                .filter(c -> c.tenantId().equals(tenant))
                .toList();

        assertThat(mine)
                .containsExactlyInAnyOrder(
                        new DemoCount(DemoStatus.READY, tenant, "shopify", 2),
                        new DemoCount(DemoStatus.ARCHIVED, tenant, "shopify", 1));
    }
}
