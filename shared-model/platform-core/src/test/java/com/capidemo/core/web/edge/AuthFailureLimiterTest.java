package com.capidemo.core.web.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.capidemo.core.testing.MutableClock;
import com.capidemo.core.web.ApiProblem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthFailureLimiterTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final AuthFailureLimiter limiter = new AuthFailureLimiter(config(10, 10, 0), clock);

    static EdgeConfig config(int perClient, int perPrefix, int tenantLimit) {
        return new EdgeConfig() {
            public int maxUriLength() { return 4096; }
            public int maxHeaderBytes() { return 16384; }
            public int maxPathSegment() { return 128; }
            public Optional<List<String>> workerPaths() { return Optional.empty(); }
            public Optional<List<String>> adminTokenPaths() { return Optional.empty(); }
            public boolean opsProtected() { return false; }
            public String contentSecurityPolicy() { return "default-src 'self'"; }
            public AuthFailures authFailures() {
                return new AuthFailures() {
                    public int perClient() { return perClient; }
                    public int perPrefix() { return perPrefix; }
                    public Duration window() { return Duration.ofMinutes(1); }
                };
            }
            public TenantRequests tenantRequests() {
                return new TenantRequests() {
                    public int limit() { return tenantLimit; }
                    public Duration window() { return Duration.ofMinutes(1); }
                };
            }
        };
    }

    private void attempt(String client, String key, boolean right) {
        limiter.verify("api-key", client, key, () -> {
            if (!right) {
                throw ApiProblem.unauthorized("unknown or revoked API key");
            }
        });
    }

    @Test
    void tenFailuresAMinuteFromOneClientThen429WithRetryAfterEvenForTheRightKey() {
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThatThrownBy(() -> attempt("10.0.0.1", "t" + n + "_api_wrongwrongwrong1", false))
                    .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(401));
        }
        ApiProblem blocked = catchThrowableOfType(ApiProblem.class, () -> attempt("10.0.0.1", "x_api_wrong", false));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> attempt("10.0.0.1", "good_api_key", true)).status())
                .as("a right key is not told apart while blocked").isEqualTo(429);
        attempt("10.0.0.2", "good_api_key", true); // another client is not affected
        clock.advance(Duration.ofSeconds(61));
        attempt("10.0.0.1", "good_api_key", true);
    }

    @Test
    void requestsWithoutAnyCredentialAre401ButNeverCountedSoTheyCannotLockOutAValidKey() {
        for (int i = 0; i < 50; i++) {
            for (String none : new String[] {null, "", "  "}) {
                assertThat(catchThrowableOfType(ApiProblem.class, () -> attempt("10.2.0.1", none, false)).status())
                        .isEqualTo(401);
            }
        }
        attempt("10.2.0.1", "good_api_key", true); // 150 anonymous requests from the same address: the key still works
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThatThrownBy(() -> attempt("10.2.0.1", "t" + n + "_api_wrongwrongwrong1", false))
                    .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(401));
        }
        assertThat(catchThrowableOfType(ApiProblem.class, () -> attempt("10.2.0.1", "x_api_wrong", false)).status())
                .as("presented wrong keys still block the address").isEqualTo(429);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> attempt("10.2.0.1", "good_api_key", true)).status())
                .isEqualTo(429);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> attempt("10.2.0.1", null, false)).status())
                .as("an anonymous request while blocked learns nothing new: 401").isEqualTo(401);
    }

    @Test
    void aWorkerTokenThatIsNotCountedByPrefixStillCountsForItsClient() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> limiter.verify("worker", "10.3.0.1", null, true, () -> {
                throw ApiProblem.unauthorized("invalid token");
            })).satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(401));
        }
        assertThat(catchThrowableOfType(ApiProblem.class, () -> limiter.verify("worker", "10.3.0.1", null, true, () -> {
            throw ApiProblem.unauthorized("invalid token");
        })).status()).isEqualTo(429);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> limiter.verify("worker", "10.3.0.1", null, true, () -> {
        })).status()).as("the right token waits out the block too").isEqualTo(429);
    }

    @Test
    void failuresAgainstOneKeyPrefixFromManyClientsAreLimitedToo() {
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThatThrownBy(() -> attempt("10.1.0." + n, "acme_api_guessguessguess" + (n % 10), false))
                    .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(401));
        }
        assertThat(catchThrowableOfType(ApiProblem.class, () -> attempt("10.1.1.1", "acme_api_guessguessguessX", false)).status())
                .isEqualTo(429);
        attempt("10.1.1.2", "other_api_keykeykeykeykeyk", true); // another tenant's prefix is not affected
        clock.advance(Duration.ofMinutes(2));
        assertThat(catchThrowableOfType(ApiProblem.class, () -> attempt("10.1.1.1", "acme_api_guessguessguessX", false)).status())
                .isEqualTo(401);
    }

    @Test
    void aPrefixIsTheKeysTenantOrItsFirstCharacters() {
        assertThat(AuthFailureLimiter.prefix("acme_corp_api_AAAAAAAAAAAAAAAA")).isEqualTo("acme_corp");
        assertThat(AuthFailureLimiter.prefix("my_api_team_api_A_api_BBBBBBBBBB")).isEqualTo("my_api_team");
        assertThat(AuthFailureLimiter.prefix("0123456789abcdef")).isEqualTo("01234567");
    }

    @Test
    void theTenantRequestRateIsLimitedPerTenant() {
        TenantRequestLimiter rates = new TenantRequestLimiter(config(10, 10, 3), clock);
        for (int i = 0; i < 3; i++) {
            rates.acquire("acme");
        }
        ApiProblem limited = catchThrowableOfType(ApiProblem.class, () -> rates.acquire("acme"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfterSeconds()).isPositive();
        rates.acquire("other");
        clock.advance(Duration.ofSeconds(61));
        rates.acquire("acme");
    }
}
