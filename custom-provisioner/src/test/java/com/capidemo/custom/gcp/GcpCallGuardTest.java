package com.capidemo.custom.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.capidemo.core.port.ChatQuotaExhaustedException;
import com.capidemo.core.port.Crypto;
import com.capidemo.gcp.GcpCallGuard;
import com.capidemo.gcp.Guarded;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SmallRye Fault Tolerance policies around gcp adapter calls, through the real interceptors. */
@QuarkusTest
class GcpCallGuardTest {

    @Inject
    GcpCallGuard guard;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeTheBreakers() {
        breakers.resetAll(); // the breakers are shared by the whole application; each test starts closed
    }

    /** A Crypto adapter whose first calls fail as a whole (as after the client's own retries). */
    static final class FlakyCrypto implements Crypto {
        final AtomicInteger calls = new AtomicInteger();
        final int failures;

        FlakyCrypto(int failures) {
            this.failures = failures;
        }

        @Override
        public byte[] encrypt(byte[] plaintext, String context) {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("UNAVAILABLE: KMS is briefly unreachable");
            }
            return plaintext;
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, String context) {
            calls.incrementAndGet();
            throw new IllegalArgumentException("ciphertext does not belong to context " + context);
        }
    }

    @Test
    void anIdempotentCallThatFailsAsAWholeIsRetriedThroughTheProxy() {
        FlakyCrypto kms = new FlakyCrypto(2);
        Crypto crypto = Guarded.wrap(Crypto.class, kms, "cloudkms", guard::crypto);
        assertThat(crypto.encrypt(new byte[] {7}, "api_key:t")).containsExactly(7);
        assertThat(kms.calls.get()).isEqualTo(3);
    }

    @Test
    void theCallersErrorsAreNotRetried() {
        FlakyCrypto kms = new FlakyCrypto(0);
        Crypto crypto = Guarded.wrap(Crypto.class, kms, "cloudkms", guard::crypto);
        assertThatThrownBy(() -> crypto.decrypt(new byte[] {1}, "other")).isInstanceOf(IllegalArgumentException.class);
        assertThat(kms.calls.get()).isEqualTo(1);
    }

    @Test
    void aServiceThatKeepsFailingOpensItsCircuitAndLaterCallsFailFast() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> guard.chat(() -> {
                        calls.incrementAndGet();
                        throw new IllegalStateException("UNAVAILABLE");
                    }))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> guard.chat(() -> {
                    calls.incrementAndGet();
                    return "answer";
                }))
                .isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(calls.get())
                .as("chat is never retried; the open circuit does not call")
                .isEqualTo(10);
    }

    @Test
    void aUsedUpChatQuotaNeverOpensTheBreakerThatGuardsUsersChat() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> guard.chat(() -> {
                        calls.incrementAndGet();
                        throw new ChatQuotaExhaustedException("RESOURCE_EXHAUSTED", Duration.ofMinutes(1));
                    }))
                    .isInstanceOf(ChatQuotaExhaustedException.class);
        }
        assertThat(guard.chat(() -> "answer"))
                .as("twenty quota errors in a row (twice the breaker's request volume) leave the circuit closed")
                .isEqualTo("answer");
        assertThat(calls.get()).isEqualTo(20);
    }
}
