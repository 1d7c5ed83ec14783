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
        return config(perClient, perPrefix, tenantLimit, 1);
    }

    static EdgeConfig config(int perClient, int perPrefix, int tenantLimit, int instances) {
        return new EdgeConfig() {
            public int maxUriLength() {
                return 4096;
            }

            public int maxHeaderBytes() {
                return 16384;
            }

            public int maxPathSegment() {
                return 128;
            }

            public Optional<List<String>> workerPaths() {
                return Optional.empty();
            }

            public Optional<List<String>> adminTokenPaths() {
                return Optional.empty();
            }

            public boolean opsProtected() {
                return false;
            }

            public String contentSecurityPolicy() {
                return "default-src 'self'";
            }

            public int instances() {
                return instances;
            }

            public AuthFailures authFailures() {
                return new AuthFailures() {
                    public int perClient() {
                        return perClient;
                    }

                    public int perPrefix() {
                        return perPrefix;
                    }

                    public Duration window() {
                        return Duration.ofMinutes(1);
                    }
                };
            }

            public TenantRequests tenantRequests() {
                return new TenantRequests() {
                    public int limit() {
                        return tenantLimit;
                    }

                    public Duration window() {
                        return Duration.ofMinutes(1);
                    }
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

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ApiProblem e) {
            return e.status();
        }
    }

    @Test
    void tenFailuresAMinuteFromOneClientThen429WithRetryAfterButTheRightKeyFromThatClientPasses() {
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThat(status(() -> attempt("10.0.0.1", "t" + n + "_api_wrongwrongwrong1", false)))
                    .isEqualTo(401);
        }
        ApiProblem blocked = catchThrowableOfType(ApiProblem.class, () -> attempt("10.0.0.1", "x_api_wrong", false));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.retryAfterSeconds()).isBetween(1L, 60L);
        attempt("10.0.0.1", "good_api_key", true); // a credential that verifies is never throttled
        attempt("10.0.0.2", "good_api_key", true);
        clock.advance(Duration.ofSeconds(61));
        assertThat(status(() -> attempt("10.0.0.1", "x_api_wrong", false))).isEqualTo(401);
    }

    @Test
    void wrongKeysNamingOneTenantFromManyAddressesAre429ButNeverBlockTheTenantsValidKey() {
        for (int i = 0; i < 50; i++) {
            int n = i;
            assertThat(status(() -> attempt("10.1.0." + n, "acme_api_" + String.format("%016d", n), false)))
                    .isIn(401, 429);
        }
        assertThat(status(() -> attempt("10.1.1.1", "acme_api_guessguessguessg", false)))
                .isEqualTo(429);
        attempt("10.1.1.1", "acme_api_RIGHTRIGHTRIGHTR", true);
        attempt("10.1.0.7", "acme_api_RIGHTRIGHTRIGHTR", true);
        assertThat(status(() -> attempt("10.1.1.2", "other_api_guessguessguessg", false)))
                .as("another tenant's keys are counted apart")
                .isEqualTo(401);
    }

    @Test
    void requestsWithoutAnyCredentialAre401AndNeverCounted() {
        for (int i = 0; i < 50; i++) {
            for (String none : new String[] {null, "", "  "}) {
                assertThat(status(() -> attempt("10.2.0.1", none, false))).isEqualTo(401);
            }
        }
        assertThat(status(() -> attempt("10.2.0.1", "t_api_wrongwrongwrongw", false)))
                .isEqualTo(401);
    }

    @Test
    void theValidWorkerCredentialPassesWhileOthersFailuresFromTheSameAddressAre429() {
        for (int i = 0; i < 11; i++) {
            int n = i;
            assertThat(status(() -> limiter.verify("worker", "127.0.0.1", "wrong-secret-" + n, () -> {
                        throw ApiProblem.unauthorized("missing or wrong X-Worker-Secret");
                    })))
                    .isEqualTo(n < 10 ? 401 : 429);
        }
        limiter.verify("worker", "127.0.0.1", "the-secret", () -> {});
        assertThat(status(() -> limiter.verify("worker", "127.0.0.1", null, true, () -> {
                    throw ApiProblem.unauthorized("invalid token");
                })))
                .as("a wrong OIDC token (not counted by prefix) still counts for its client")
                .isEqualTo(429);
    }

    @Test
    void limitsAreDividedAmongTheConfiguredInstances() {
        AuthFailureLimiter shared = new AuthFailureLimiter(config(10, 10, 0, 5), clock);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> shared.verify("admin-token", "10.4.0.1", "wrong", () -> {
                        throw ApiProblem.unauthorized("wrong admin token");
                    }))
                    .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(401));
        }
        assertThat(status(() -> shared.verify("admin-token", "10.4.0.1", "wrong", () -> {
                    throw ApiProblem.unauthorized("wrong admin token");
                })))
                .isEqualTo(429);
        assertThat(RateLimits.perInstance(5, 10)).isEqualTo(1);
        assertThat(RateLimits.perInstance(10, 0)).isEqualTo(10);
    }

    @Test
    void theTenantAKeyNamesIsItsPartBeforeTheMarkAndRandomCharacters() {
        assertThat(AuthFailureLimiter.tenantOf("acme_corp_api_AAAAAAAAAAAAAAAA"))
                .contains("acme_corp");
        assertThat(AuthFailureLimiter.tenantOf("my_api_team_api_A_api_BBBBBBBBBB"))
                .contains("my_api_team");
        assertThat(AuthFailureLimiter.tenantOf("0123456789abcdef")).isEmpty();
        assertThat(AuthFailureLimiter.tenantOf(null)).isEmpty();
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
