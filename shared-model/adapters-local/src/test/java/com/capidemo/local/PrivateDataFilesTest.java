package com.capidemo.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.capidemo.core.port.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local adapters create in the data directory is for the platform's user only. */
class PrivateDataFilesTest {

    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theStoreItsWalAndShmTheKeysetTheWarehouseAndTheObjectsAreNotReadableByOthers() throws Exception {
        Path data = tmp.resolve("platform-data");
        SqliteDatabase db = new SqliteDatabase(data.resolve("platform.db"));
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO settings(key, value) VALUES ('perm_test', 'x')");
            }
            return null;
        });
        TinkCrypto crypto = new TinkCrypto(data.resolve("keys").resolve("local-keyset.json"));
        crypto.encrypt("secret".getBytes(StandardCharsets.UTF_8), "ctx");
        LocalDatasetFolders folders = new LocalDatasetFolders(data.resolve("warehouse"), Clock.systemUTC());
        folders.createDataset("acme", Map.of("tenant", "acme"));
        LocalObjectStore objects = new LocalObjectStore(data.resolve("objects"));
        objects.write(new ObjectRef("templates", "shopify/orders.parquet"), new byte[] {1, 2, 3});

        assertThat(mode(data)).isEqualTo("rwx------");
        for (String name : new String[] {"platform.db", "platform.db-wal", "platform.db-shm"}) {
            assertThat(data.resolve(name)).exists();
            assertThat(mode(data.resolve(name))).as(name).isEqualTo("rw-------");
        }
        assertThat(mode(data.resolve("keys"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("keys/local-keyset.json"))).isEqualTo("rw-------");
        assertThat(mode(data.resolve("warehouse"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("warehouse/acme"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("objects"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("objects/templates/shopify/orders.parquet")))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.walk(data)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    assertThat(mode(f)).as(f.toString()).endsWith("------");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
    }
}
