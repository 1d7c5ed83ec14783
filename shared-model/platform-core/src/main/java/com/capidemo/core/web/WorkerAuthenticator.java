package com.capidemo.core.web;

/**
 * Decides whether a push or task request really comes from our queue. Implementations: a shared
 * secret (local dispatchers) and Google-signed OIDC tokens (Pub/Sub push and Cloud Tasks in gcp mode).
 */
public interface WorkerAuthenticator {

    /**
     * @param authorization the Authorization header (Bearer token), may be null
     * @param workerSecret  the X-Worker-Secret header, may be null
     * @throws ApiProblem 401 when the request is not authenticated
     */
    void verify(String authorization, String workerSecret);
}
