package com.capidemo.api.security;

import com.capidemo.core.web.AdminToken;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** api-service makes the admin bootstrap token exist at start, so the admin-token file is there before onboarding. */
@ApplicationScoped
public class AdminTokenAtStart {

    void onStart(@Observes StartupEvent event, AdminToken token) {
        Log.info("admin bootstrap token ready (see the admin-token file in the data directory)");
    }
}
