package com.capidemo.core.web;

/**
 * platform.worker.auth=none: accepts every push. Only for the Pub/Sub emulator, whose push subscriptions send
 * neither a token nor our secret; {@link WorkerAuthenticators} refuses it at start anywhere else.
 */
public class NoWorkerAuthenticator implements WorkerAuthenticator {

    @Override
    public void verify(String authorization, String workerSecret) {
        // nothing to check: see the class comment for where this may run
    }
}
