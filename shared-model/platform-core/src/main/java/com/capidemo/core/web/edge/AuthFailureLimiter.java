package com.capidemo.core.web.edge;

import com.capidemo.core.web.ApiProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Throttles guessing of credentials (API keys, the admin token, worker secrets and tokens): failed checks are
 * counted per client address and per credential prefix (an API key's tenant part, else its first characters); past
 * the limit within the window (default 10 a minute) every attempt of that client or prefix is answered 429 with
 * Retry-After — before the credential is checked, so a right guess is not told apart from a wrong one.
 */
@ApplicationScoped
public class AuthFailureLimiter {

    /** An API key is {tenant_id}_api_{16 characters}: the mark sits 21 characters from its end. */
    private static final String API_KEY_MARK = "_api_";
    private static final int API_KEY_SUFFIX = API_KEY_MARK.length() + 16;
    private static final int PREFIX_CHARS = 8;
    private static final int MAX_PREFIX = 64;

    private final Clock clock;
    private final RateWindows perClient;
    private final RateWindows perPrefix;
    private final Cache<String, Long> blockedUntil;

    public AuthFailureLimiter(EdgeConfig config, Clock clock) {
        EdgeConfig.AuthFailures limits = config.authFailures();
        this.clock = clock;
        this.perClient = new RateWindows(limits.perClient(), limits.window(), clock);
        this.perPrefix = new RateWindows(limits.perPrefix(), limits.window(), clock);
        this.blockedUntil = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(Duration.ofMillis(Math.max(limits.window().toMillis(), Duration.ofMinutes(10).toMillis())))
                .build();
    }

    /** Something that checks a credential and throws a 401 {@link ApiProblem} when it is wrong. */
    @FunctionalInterface
    public interface Check {
        void run();
    }

    /**
     * Runs {@code check} unless the client or the credential's prefix is blocked; a 401 from it is counted, and the
     * failure that exceeds a limit is answered 429 instead.
     *
     * @param scope      what is being checked ("api-key", "admin-token", "worker"): limits are kept apart per scope
     * @param client     the client's address
     * @param credential what was presented (may be null or blank: then only the client is counted)
     */
    public void verify(String scope, String client, String credential, Check check) {
        verify(scope, client, credential, credential != null && !credential.isBlank(), check);
    }

    /**
     * As {@link #verify(String, String, String, Check)}, where {@code presented} says whether the request carried any
     * credential at all (a worker may present an OIDC token that is not counted by prefix). A request that presents
     * none is answered by {@code check} (401) but never counted: nothing was guessed, and counting anonymous requests
     * would let page loads from one address (an office behind one NAT, the Web UI's identity probe) lock out valid
     * keys.
     */
    public void verify(String scope, String client, String credential, boolean presented, Check check) {
        if (!presented) {
            check.run();
            return;
        }
        String clientKey = scope + "|" + client;
        String prefixKey = credential == null || credential.isBlank() ? null : scope + "|" + prefix(credential);
        long now = clock.millis();
        long wait = Math.max(remaining(clientKey, now), prefixKey == null ? 0 : remaining(prefixKey, now));
        if (wait > 0) {
            throw tooMany(scope, wait);
        }
        try {
            check.run();
        } catch (ApiProblem e) {
            if (e.status() != 401) {
                throw e;
            }
            long clientWait = perClient.record(clientKey);
            long prefixWait = prefixKey == null ? 0 : perPrefix.record(prefixKey);
            if (clientWait > 0) {
                blockedUntil.put(clientKey, now + clientWait);
            }
            if (prefixWait > 0) {
                blockedUntil.put(prefixKey, now + prefixWait);
            }
            if (clientWait > 0 || prefixWait > 0) {
                Log.warnf("too many failed %s checks from %s (prefix %s); blocked for %d ms", scope, client,
                        prefixKey == null ? "-" : prefix(credential), Math.max(clientWait, prefixWait));
                throw tooMany(scope, Math.max(clientWait, prefixWait));
            }
            throw e;
        }
    }

    private long remaining(String key, long now) {
        Long until = blockedUntil.getIfPresent(key);
        return until == null ? 0 : Math.max(0, until - now);
    }

    /** The part of a credential that names its target: an API key's tenant, else its first few characters. */
    static String prefix(String credential) {
        String c = credential.trim();
        boolean apiKey = c.length() > API_KEY_SUFFIX
                && c.startsWith(API_KEY_MARK, c.length() - API_KEY_SUFFIX);
        String prefix = apiKey ? c.substring(0, c.length() - API_KEY_SUFFIX)
                : c.substring(0, Math.min(PREFIX_CHARS, c.length()));
        return prefix.length() > MAX_PREFIX ? prefix.substring(0, MAX_PREFIX) : prefix;
    }

    private static ApiProblem tooMany(String scope, long waitMillis) {
        return ApiProblem.tooManyRequests("too many failed " + scope + " checks; retry later",
                (waitMillis + 999) / 1000);
    }
}
