package com.capidemo.core.service;

import com.capidemo.core.domain.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This process's lease-owner name: service, host, pid and a random suffix, so a restarted worker is a new owner. */
@ApplicationScoped
public class WorkerIdentity {

    private final String id;

    public WorkerIdentity(@ConfigProperty(name = "quarkus.application.name") String service) {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        this.id = service + "@" + host + ":" + ProcessHandle.current().pid() + ":" + Ids.randomHex(3);
    }

    public String id() {
        return id;
    }
}
