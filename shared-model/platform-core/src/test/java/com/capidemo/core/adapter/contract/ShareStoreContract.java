package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.DemoShare;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.port.ShareStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ShareStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators). */
public abstract class ShareStoreContract {

    protected abstract ShareStore store();

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private DemoShare share(String demoId, Instant created, String passwordHash) {
        DemoShare s = new DemoShare(
                Ids.randomHex(32),
                new byte[] {4, 2},
                demoId,
                "acme",
                "ce@acme.example",
                created,
                created.plus(7, ChronoUnit.DAYS),
                passwordHash,
                true,
                0,
                null,
                null);
        assertThat(store().create(s)).isTrue();
        return s;
    }

    @Test
    void aLinkReadsBackAsWrittenAndIsStoredOnce() {
        DemoShare s = share(Ids.demoId(), NOW, "pbkdf2-sha256$600000$c2FsdA==$aGFzaA==");
        assertThat(store().create(s)).as("same token hash again").isFalse();
        DemoShare read = store().find(s.tokenHash()).orElseThrow();
        assertThat(read.demoId()).isEqualTo(s.demoId());
        assertThat(read.encryptedToken()).containsExactly(4, 2);
        assertThat(read.expiresAt()).isEqualTo(NOW.plus(7, ChronoUnit.DAYS));
        assertThat(read.passwordHash()).isEqualTo(s.passwordHash());
        assertThat(read.readOnly()).isTrue();
        assertThat(read.accessCount()).isZero();
        assertThat(read.isRevoked()).isFalse();
        assertThat(store().find("0".repeat(64))).isEmpty();
    }

    @Test
    void concurrentAccessesAreAllCounted() throws Exception {
        DemoShare s = share(Ids.demoId(), NOW, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Instant at = NOW.plusSeconds(i);
                done.add(pool.submit(() -> store().recordAccess(s.tokenHash(), at)));
            }
            for (Future<Boolean> f : done) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        DemoShare read = store().find(s.tokenHash()).orElseThrow();
        assertThat(read.accessCount()).isEqualTo(12);
        assertThat(read.lastAccessed()).as("the latest access").isEqualTo(NOW.plusSeconds(11));
        assertThat(store().recordAccess("0".repeat(64), NOW)).isFalse();
    }

    @Test
    void aDemosLinksAreListedNewestFirstWithoutRevokedOnes() {
        String demo = Ids.demoId();
        DemoShare older = share(demo, NOW, null);
        DemoShare newer = share(demo, NOW.plusSeconds(60), null);
        DemoShare revoked = share(demo, NOW.plusSeconds(120), null);
        share(Ids.demoId(), NOW, null);

        assertThat(store().revoke(revoked.tokenHash(), NOW.plusSeconds(180))).isTrue();
        assertThat(store().revoke(revoked.tokenHash(), NOW.plusSeconds(240)))
                .as("again")
                .isTrue();
        assertThat(store().find(revoked.tokenHash()).orElseThrow().revokedAt())
                .as("first revocation kept")
                .isEqualTo(NOW.plusSeconds(180));
        assertThat(store().listByDemo(demo, 10))
                .extracting(DemoShare::tokenHash)
                .containsExactly(newer.tokenHash(), older.tokenHash());
        assertThat(store().listByDemo(demo, 1)).hasSize(1);
        assertThat(store().revoke("0".repeat(64), NOW)).isFalse();
    }
}
