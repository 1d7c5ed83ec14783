package com.capidemo.lifecycle.service;

import com.capidemo.lifecycle.config.LifecycleConfig;
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

    @Produces
    @Singleton
    QueueRetryWindows retryWindows(LifecycleConfig config) {
        return QueueRetryWindows.from(config);
    }
}
