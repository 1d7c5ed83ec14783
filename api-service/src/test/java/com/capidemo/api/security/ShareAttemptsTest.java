package com.capidemo.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.capidemo.core.testing.MutableClock;
import com.capidemo.core.web.ApiProblem;
import com.capidemo.core.web.edge.EdgeConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShareAttemptsTest {

    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final ShareAttempts attempts = new ShareAttempts(clock, edge(1), 2);

    static EdgeConfig edge(int instances) {
        return (EdgeConfig) java.lang.reflect.Proxy.newProxyInstance(
                EdgeConfig.class.getClassLoader(),
                new Class<?>[] {EdgeConfig.class},
                (proxy, method, args) -> method.getName().equals("instances") ? instances : null);
    }

    private int attempt(String link, boolean right) {
        try (ShareAttempts.Check check = attempts.begin(link)) {
            if (right) {
                check.passed();
            }
            return right ? 200 : 401;
        } catch (ApiProblem e) {
            return e.status();
        }
    }

    @Test
    void fiveChecksALinkAtOnceThenOneEveryTwelveSecondsByTheClock() {
        for (int i = 0; i < ShareAttempts.PER_MINUTE; i++) {
            assertThat(attempt("link", false)).as("attempt %d", i + 1).isEqualTo(401);
        }
        TooManyAttempts limited = catchThrowableOfType(TooManyAttempts.class, () -> attempts.begin("link"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfterSeconds()).isBetween(1L, 12L);
        assertThat(attempt("link", true))
                .as("the right password waits too: it is not known before hashing")
                .isEqualTo(429);
        assertThat(attempt("other", false)).as("per link").isEqualTo(401);
        clock.advance(Duration.ofSeconds(12));
        assertThat(attempt("link", false)).isEqualTo(401);
        assertThat(attempt("link", false)).isEqualTo(429);
        assertThat(attempts.checksStarted()).isEqualTo(7);
    }

    @Test
    void aRightPasswordGivesItsTokenBackSoViewersAreNotCounted() {
        for (int i = 0; i < 20; i++) {
            assertThat(attempt("viewed", true)).isEqualTo(200);
        }
    }

    @Test
    void checksBeyondTheServicesConcurrencyAre503AndStillSpendTheLinksToken() {
        ShareAttempts.Check first = attempts.begin("a");
        ShareAttempts.Check second = attempts.begin("b");
        ApiProblem busy = catchThrowableOfType(ApiProblem.class, () -> attempts.begin("c"));
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.retryAfterSeconds()).isEqualTo(1);
        first.close();
        first.close(); // closing twice frees one slot only
        for (int i = 1; i < ShareAttempts.PER_MINUTE; i++) {
            assertThat(attempt("c", false)).isEqualTo(401);
        }
        assertThat(attempt("c", false))
                .as("the refused attempt counted against link c")
                .isEqualTo(429);
        second.close();
        assertThat(attempts.checksStarted()).isEqualTo(2 + ShareAttempts.PER_MINUTE - 1);
    }

    @Test
    void withSeveralInstancesEachAllowsItsShareOfTheLinksLimit() {
        ShareAttempts shared = new ShareAttempts(clock, edge(5), 1);
        shared.begin("l").close();
        assertThat(catchThrowableOfType(ApiProblem.class, () -> shared.begin("l"))
                        .status())
                .isEqualTo(429);
    }
}
