package com.capidemo.core.web.edge;

import com.capidemo.core.web.ApiProblem;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * Throttles failed credential checks (API keys, the admin token, worker secrets and tokens) without ever throttling a
 * credential that verifies: the check always runs first, and a caller whose credential verifies passes, whatever
 * anyone else failed from the same address or against the same tenant. Only a failed check is counted — per client
 * address, and for an API key also per the tenant it names — and a failure beyond the limit (default 10 a minute, in
 * {@link RateLimits} token buckets on the injected {@link Clock}) is answered 429 with Retry-After instead of 401.
 *
 * <p>So nobody can lock a tenant, an operator or the dispatchers out by sending wrong credentials in their name.
 * The price is that a throttled client's guesses are still checked (a right one passes): the credentials this guards
 * are random (an API key's 16 characters, the 24-byte admin token and worker secret) and cannot be found by online
 * guessing at any rate a service answers; the limit tells a misbehaving client to back off and keeps a flood of
 * failures out of the logs. Guessable secrets (share-link passwords) have their own limit taken before the check.
 * Nothing of a presented credential is logged.
 */
@ApplicationScoped
public class AuthFailureLimiter {

    /** An API key is {tenant_id}_api_{16 characters}: the mark sits 21 characters from its end. */
    private static final String API_KEY_MARK = "_api_";

    private static final int API_KEY_SUFFIX = API_KEY_MARK.length() + 16;
    private static final int MAX_TENANT = 64;
    static final String API_KEY_SCOPE = "api-key";

    private final RateLimits perClient;
    private final RateLimits perTenant;

    public AuthFailureLimiter(EdgeConfig config, Clock clock) {
        EdgeConfig.AuthFailures limits = config.authFailures();
        this.perClient =
                new RateLimits(RateLimits.perInstance(limits.perClient(), config.instances()), limits.window(), clock);
        this.perTenant =
                new RateLimits(RateLimits.perInstance(limits.perPrefix(), config.instances()), limits.window(), clock);
    }

    /** Something that checks a credential and throws a 401 {@link ApiProblem} when it is wrong. */
    @FunctionalInterface
    public interface Check {
        void run();
    }

    /**
     * Runs {@code check}; a 401 from it is counted, and one beyond a limit is answered 429 instead.
     *
     * @param scope      what is being checked ("api-key", "admin-token", "worker"): limits are kept apart per scope
     * @param client     the client's address
     * @param credential what was presented (may be null or blank: then nothing is counted)
     */
    public void verify(String scope, String client, String credential, Check check) {
        verify(scope, client, credential, credential != null && !credential.isBlank(), check);
    }

    /**
     * As {@link #verify(String, String, String, Check)}, where {@code presented} says whether the request carried any
     * credential at all (a worker may present an OIDC token in Authorization). A request that presents none is
     * answered by {@code check} (401) but never counted: nothing was guessed, and counting anonymous requests would
     * throttle page loads from one address (an office behind one NAT, the Web UI's identity probe).
     */
    public void verify(String scope, String client, String credential, boolean presented, Check check) {
        try {
            check.run();
        } catch (ApiProblem e) {
            if (e.status() != 401 || !presented) {
                throw e;
            }
            long clientWait = perClient.take(scope + "|" + client);
            Optional<String> tenant = API_KEY_SCOPE.equals(scope) ? tenantOf(credential) : Optional.empty();
            long tenantWait = tenant.map(t -> perTenant.take(scope + "|" + t)).orElse(0L);
            long wait = Math.max(clientWait, tenantWait);
            if (wait > 0) {
                Log.warnf(
                        "too many failed %s checks %s; further failures answered 429 for %d ms",
                        scope, clientWait > 0 ? "from " + client : "against one tenant's keys", wait);
                throw ApiProblem.tooManyRequests(
                        "too many failed " + scope + " checks; retry later", (wait + 999) / 1000);
            }
            throw e;
        }
    }

    /** The tenant an API key names (the part before {@code _api_} and its 16 random characters), if it has the shape. */
    static Optional<String> tenantOf(String credential) {
        if (credential == null) {
            return Optional.empty();
        }
        String c = credential.trim();
        if (c.length() <= API_KEY_SUFFIX || !c.startsWith(API_KEY_MARK, c.length() - API_KEY_SUFFIX)) {
            return Optional.empty();
        }
        String tenant = c.substring(0, c.length() - API_KEY_SUFFIX);
        return Optional.of(tenant.length() > MAX_TENANT ? tenant.substring(0, MAX_TENANT) : tenant);
    }
}
