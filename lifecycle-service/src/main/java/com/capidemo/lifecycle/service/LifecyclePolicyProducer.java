package com.capidemo.lifecycle.config;

import com.capidemo.lifecycle.service.LifecyclePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured lifecycle rules as one value; a bad combination stops the start. */
@ApplicationScoped
public class LifecyclePolicyProducer {

    @Produces
    @Singleton
    LifecyclePolicy policy(LifecycleConfig config) {
        return LifecyclePolicy.from(config);
    }
}
