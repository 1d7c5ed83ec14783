package com.capidemo.shared.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.shared.domain.Demo;
import com.capidemo.shared.domain.DemoStatus;
import com.capidemo.shared.domain.GoldenQuery;
import com.capidemo.shared.domain.Ids;
import com.capidemo.shared.domain.Readiness;
import com.capidemo.shared.port.DemoStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link DemoStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators). */
public abstract class DemoStoreContract {

    protected abstract DemoStore store();

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

        assertThat(store().markReady(demo.demoId(), demo.demoId(), "agent_x", List.of(q),
                Map.of("table_count", 15, "total_rows", 145000))).isTrue();

        Demo ready = store().find(demo.demoId()).orElseThrow();
        assertThat(ready.status()).isEqualTo(DemoStatus.READY);
        assertThat(ready.datasetId()).isEqualTo(demo.demoId());
        assertThat(ready.agentId()).isEqualTo("agent_x");
        assertThat(ready.goldenQueries()).containsExactly(q);
        assertThat(((Number) ready.metadata().get("total_rows")).longValue()).isEqualTo(145000L);
        assertThat(ready.createdAt()).isEqualTo(demo.createdAt());
        assertThat(store().markFailed(demo.demoId(), "too late")).as("a ready demo does not fail").isFalse();
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

        assertThat(store().listByTenant(tenant, 10)).extracting(Demo::demoId)
                .containsExactly(newer.demoId(), older.demoId());
        assertThat(store().listByTenant(tenant, 1)).hasSize(1);
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
    void readinessAndLastUsedAreRecorded() {
        Demo demo = provisioning("t_" + Ids.randomHex(3), Instant.now().minusSeconds(3600));
        Instant checked = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(store().recordReadiness(demo.demoId(), new Readiness(90.0, 9, 10, List.of("q7"), checked))).isTrue();
        Instant used = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(store().touch(demo.demoId(), used)).isTrue();
        assertThat(store().touch(demo.demoId(), used.minusSeconds(5))).as("never backwards").isFalse();

        Demo read = store().find(demo.demoId()).orElseThrow();
        assertThat(read.readiness().score()).isEqualTo(90.0);
        assertThat(read.readiness().failed()).containsExactly("q7");
        assertThat(read.lastUsed()).isEqualTo(used);
        assertThat(store().find("demo_missing")).isEmpty();
    }
}
