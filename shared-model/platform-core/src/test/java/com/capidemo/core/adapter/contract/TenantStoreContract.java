package com.capidemo.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Ids;
import com.capidemo.core.domain.Tenant;
import com.capidemo.core.port.TenantStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** What every {@link TenantStore} adapter must do (SQLite here, the Firestore emulator with -Pemulators). */
public abstract class TenantStoreContract {

    protected abstract TenantStore store();

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static ApiKey key(String tenantId) {
        return new ApiKey(
                Ids.randomHex(32),
                tenantId,
                "ce@" + tenantId + ".example",
                "admin",
                new byte[] {1, 2, 3, (byte) 250},
                NOW,
                false);
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
        assertThat(store().revokeKey(key.keyHash(), NOW.plusSeconds(5))).isTrue();
        assertThat(store().revokeKey(key.keyHash(), NOW.plusSeconds(9)))
                .as("again")
                .isTrue();
        ApiKey revoked = store().findKeyByHash(key.keyHash()).orElseThrow();
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedAt()).as("the first revocation").isEqualTo(NOW.plusSeconds(5));
        assertThat(store().revokeKey("no-such-hash", NOW)).isFalse();
    }

    @Test
    void anotherUsersKeyIsAddedToAnExistingTenantOnly() {
        String id = "t_" + Ids.randomHex(4);
        store().createWithKey(new Tenant(id, id, NOW), key(id));
        ApiKey member = new ApiKey(
                Ids.randomHex(32),
                id,
                "member@" + id + ".example",
                ApiKey.MEMBER,
                new byte[] {9},
                NOW,
                false,
                Ids.keyId(),
                "ce@" + id + ".example",
                null);
        assertThat(store().addKey(member)).isTrue();
        ApiKey read = store().findKeyByHash(member.keyHash()).orElseThrow();
        assertThat(read.keyId()).isEqualTo(member.keyId());
        assertThat(read.role()).isEqualTo(ApiKey.MEMBER);
        assertThat(read.issuedBy()).isEqualTo("ce@" + id + ".example");
        assertThat(store().addKey(new ApiKey(
                        Ids.randomHex(32), "no_such_tenant", "x@y.example", ApiKey.MEMBER, new byte[] {9}, NOW, false)))
                .isFalse();
        assertThat(store().listKeys(id, 10))
                .extracting(ApiKey::keyId)
                .hasSize(2)
                .contains(member.keyId());
        assertThat(store().listKeys(id, 1)).hasSize(1);
        assertThat(store().listKeys("no_such_tenant", 10)).isEmpty();
    }

    @Test
    void unknownTenantsAndKeysAreEmpty() {
        assertThat(store().find("nobody_here")).isEmpty();
        assertThat(store().findKeyByHash("0".repeat(64))).isEmpty();
    }
}
