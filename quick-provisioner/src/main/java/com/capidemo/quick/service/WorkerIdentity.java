package com.capidemo.quick.service;

import com.capidemo.shared.domain.Ids;
import jakarta.enterprise.context.ApplicationScoped;

/** This process's lease-owner name: host, pid and a random suffix, so a restarted worker is a new owner. */
@ApplicationScoped
public class WorkerIdentity {

    private final String id;

    public WorkerIdentity() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        this.id = "quick-provisioner@" + host + ":" + ProcessHandle.current().pid() + ":" + Ids.randomHex(3);
    }

    public String id() {
        return id;
    }
}
