package com.capidemo.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.ObjectRef;
import com.capidemo.core.port.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuardedTest {

    /** Only read is implemented: it fails with the checked exception the port declares. */
    static final class BrokenStore implements ObjectStore {
        @Override
        public boolean exists(ObjectRef ref) {
            return ref.name().equals("there");
        }

        @Override
        public Optional<byte[]> read(ObjectRef ref) throws IOException {
            throw new IOException("disk gone");
        }

        @Override
        public void write(ObjectRef ref, byte[] content) {
            throw new IllegalArgumentException("bad name " + ref);
        }

        @Override
        public void upload(ObjectRef ref, Path file) {}

        @Override
        public InputStream open(ObjectRef ref) {
            return InputStream.nullInputStream();
        }

        @Override
        public List<ObjectRef> list(String bucket, String prefix) {
            return List.of();
        }
    }

    @Test
    void everyPortCallGoesThroughTheGuardAndKeepsItsResultAndExceptions() {
        AtomicInteger guarded = new AtomicInteger();
        ObjectStore store = Guarded.wrap(ObjectStore.class, new BrokenStore(), "storage", call -> {
            guarded.incrementAndGet();
            return call.call();
        });
        assertThat(store.exists(new ObjectRef("b", "there"))).isTrue();
        assertThat(store.exists(new ObjectRef("b", "elsewhere"))).isFalse();
        assertThatThrownBy(() -> store.read(new ObjectRef("b", "x")))
                .isInstanceOf(IOException.class)
                .hasMessage("disk gone");
        assertThatThrownBy(() -> store.write(new ObjectRef("b", "x"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(guarded.get()).isEqualTo(4);
        assertThat(store.toString()).isNotNull(); // Object methods are not guarded
        assertThat(guarded.get()).isEqualTo(4);
    }
}
