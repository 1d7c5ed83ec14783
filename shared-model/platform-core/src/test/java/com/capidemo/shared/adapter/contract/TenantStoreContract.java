package com.capidemo.shared.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.shared.domain.ApiKey;
import com.capidemo.shared.domain.Ids;
import com.capidemo.shared.domain.Tenant;
import com.capidemo.shared.port.TenantStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** What every {@link TenantStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators). */
public abstract class TenantStoreContract {

    protected abstract TenantStore store();

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static ApiKey key(String tenantId) {
        return new ApiKey(Ids.randomHex(32), tenantId, "ce@" + tenantId + ".example", "admin",
                new byte[] {1, 2, 3, (byte) 250}, NOW, false);
    }

    @Test
    void aTenantAndItsFirstKeyAreStoredTogether() {
        String id = "t_" + Ids.randomHex(4);
        ApiKey key = key(id);
        assertThat(store().createWithKey(new Tenant(id, id, NOW), key)).isPresent();

        assertThat(store().find(id)).get().satisfies(t -> {
            assertThat(t.datasetId()).isEqualTo(id);
            assertThat(t.createdAt()).isEqualTo(NOW);
        });
        ApiKey read = store().findKeyByHash(key.keyHash()).orElseThrow();
        assertThat(read.tenantId()).isEqualTo(id);
        assertThat(read.role()).isEqualTo("admin");
        assertThat(read.encryptedKey()).containsExactly(1, 2, 3, (byte) 250);
        assertThat(read.revoked()).isFalse();
    }

    @Test
    void aSecondTenantWithTheSameIdIsRefusedAndItsKeyNotStored() {
        String id = "t_" + Ids.randomHex(4);
        store().createWithKey(new Tenant(id, id, NOW), key(id));
        ApiKey second = key(id);
        assertThat(store().createWithKey(new Tenant(id, id, NOW), second)).isEmpty();
        assertThat(store().findKeyByHash(second.keyHash())).isEmpty();
    }

    @Test
    void revokedKeysStayRevoked() {
        String id = "t_" + Ids.randomHex(4);
        ApiKey key = key(id);
        store().createWithKey(new Tenant(id, id, NOW), key);
        assertThat(store().revokeKey(key.keyHash())).isTrue();
        assertThat(store().findKeyByHash(key.keyHash()).orElseThrow().revoked()).isTrue();
        assertThat(store().revokeKey("no-such-hash")).isFalse();
    }

    @Test
    void unknownTenantsAndKeysAreEmpty() {
        assertThat(store().find("nobody_here")).isEmpty();
        assertThat(store().findKeyByHash("0".repeat(64))).isEmpty();
    }
}
