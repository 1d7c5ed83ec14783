package com.capidemo.gcp;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.port.ChatAgent;
import com.capidemo.core.port.DataAgents;
import com.google.cloud.geminidataanalytics.v1beta.DataAgentServiceClient;
import com.google.cloud.geminidataanalytics.v1beta.DataChatServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/** platform.agents=capi: data agents and chat on the Conversational Analytics API, behind the guard. */
@ApplicationScoped
public class GcpAgentProducers {

    @Produces
    @ApplicationScoped
    @Adapter("capi")
    DataAgents dataAgents(
            AdapterSelection selection,
            PlatformConfig config,
            Instance<DataAgentServiceClient> client,
            Instance<GcpCallGuard> guard) {
        return Guarded.wrap(
                DataAgents.class,
                new CapiDataAgents(client.get(), capi(selection, config)),
                "geminidataanalytics",
                guard.get()::agents);
    }

    @Produces
    @ApplicationScoped
    @Adapter("capi")
    ChatAgent chatAgent(
            AdapterSelection selection,
            PlatformConfig config,
            Instance<DataChatServiceClient> client,
            Instance<GcpCallGuard> guard) {
        return Guarded.wrap(
                ChatAgent.class,
                new CapiChatAgent(client.get(), capi(selection, config)),
                "geminidataanalytics",
                guard.get()::chat);
    }

    private static CapiConfig capi(AdapterSelection selection, PlatformConfig config) {
        return new CapiConfig(
                selection.projectId(),
                config.gcp().agentsLocation(),
                Duration.ofMinutes(2),
                config.gcp().maxBilledBytes());
    }
}
