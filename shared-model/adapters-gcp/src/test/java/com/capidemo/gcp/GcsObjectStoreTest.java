package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.ObjectRef;
import com.capidemo.gcp.FakeHttpServer.Request;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cloud Storage object store against a fake of the GCS JSON API. */
class GcsObjectStoreTest {

    private FakeGcs fake;
    private GcsObjectStore store;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeGcs();
        fake.buckets.addAll(List.of("p-capi-artifacts", "shared-templates"));
        store = new GcsObjectStore(fake.client(), new GcsBuckets("p-capi-", Map.of("templates", "shared-templates")));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void writesAndReadsObjectsInTheMappedBucket() throws Exception {
        ObjectRef ref = new ObjectRef("artifacts", "jobs/j1/result.json");
        byte[] content = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

        store.write(ref, content);

        assertThat(fake.objects).containsKey("p-capi-artifacts/jobs/j1/result.json");
        assertThat(fake.http.requests("POST", "/upload/storage/v1/b/p-capi-artifacts/o"))
                .singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("uploadType", "multipart"));
        assertThat(store.exists(ref)).isTrue();
        assertThat(store.read(ref)).hasValue(content);
    }

    @Test
    void aMissingObjectIsAbsentNotAnError() throws Exception {
        ObjectRef missing = new ObjectRef("artifacts", "nope.json");

        assertThat(store.exists(missing)).isFalse();
        assertThat(store.read(missing)).isEmpty();
        assertThatThrownBy(() -> store.open(missing)).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void uploadsAFileInAResumableSessionAndStreamsItBack(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("orders.parquet"), content);
        ObjectRef ref = new ObjectRef("templates", "shop/orders.parquet");

        store.upload(ref, file);

        assertThat(fake.objects.get("shared-templates/shop/orders.parquet")).isEqualTo(content);
        assertThat(fake.http.requests("POST", "/upload/storage/v1/b/shared-templates/o"))
                .singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("uploadType", "resumable"));
        assertThat(fake.http.requests("PUT", ".*")).isNotEmpty();
        try (InputStream in = store.open(ref)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void listsObjectsUnderAPrefixWithLogicalBucketNames() throws Exception {
        store.write(new ObjectRef("templates", "shop/orders.parquet"), new byte[] {1});
        store.write(new ObjectRef("templates", "shop/customers.parquet"), new byte[] {2});
        store.write(new ObjectRef("templates", "bank/accounts.parquet"), new byte[] {3});

        assertThat(store.list("templates", "shop/"))
                .containsExactly(
                        new ObjectRef("templates", "shop/customers.parquet"),
                        new ObjectRef("templates", "shop/orders.parquet"));
        assertThat(store.list("templates", "none/")).isEmpty();
        assertThat(store.list("no-such-bucket", "")).isEmpty();
        Request list =
                fake.http.requests("GET", "/storage/v1/b/shared-templates/o").get(0);
        assertThat(list.params()).containsEntry("prefix", "shop/");
    }

    @Test
    void retriesAReadAfterA503() throws Exception {
        ObjectRef ref = new ObjectRef("artifacts", "a.txt");
        store.write(ref, "a".getBytes(StandardCharsets.UTF_8));
        fake.http.failNext("GET", "/storage/v1/b/p-capi-artifacts/o/.*", 503, "backendError", "try again");

        assertThat(store.exists(ref)).isTrue();
        assertThat(fake.http.requests("GET", "/storage/v1/b/p-capi-artifacts/o/.*"))
                .hasSize(2);
    }

    @Test
    void mapsLogicalBucketsToRealOnes() {
        GcsBuckets buckets = new GcsBuckets("p-capi-", Map.of("templates", "shared-templates"));
        assertThat(buckets.real("artifacts")).isEqualTo("p-capi-artifacts");
        assertThat(buckets.uri(new ObjectRef("templates", "shop/orders.parquet")))
                .isEqualTo("gs://shared-templates/shop/orders.parquet");
    }
}
