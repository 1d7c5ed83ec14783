package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.gcp.CapiChatAgent;
import com.capidemo.shared.adapter.gcp.CapiConfig;
import com.capidemo.shared.adapter.gcp.CapiDataAgents;
import com.capidemo.shared.adapter.gcp.GcpCallGuard;
import com.capidemo.shared.adapter.gcp.Guarded;
import com.capidemo.shared.adapter.local.LocalChatAgent;
import com.capidemo.shared.adapter.local.LocalDataAgents;
import com.capidemo.shared.config.AdapterConfig;
import com.capidemo.shared.port.ChatAgent;
import com.capidemo.shared.port.DataAgents;
import com.google.cloud.geminidataanalytics.v1beta.DataAgentServiceClient;
import com.google.cloud.geminidataanalytics.v1beta.DataChatServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/** platform.agents (local | capi): data agents and the chat that answers through them. */
@ApplicationScoped
public class AgentProducers {

    @Produces
    @ApplicationScoped
    DataAgents dataAgents(AdapterSelection selection, AdapterConfig config, Instance<LocalDataAgents> local,
                          Instance<DataAgentServiceClient> client, Instance<GcpCallGuard> guard) {
        if (selection.isLocal(Port.AGENTS)) {
            return local.get();
        }
        return Guarded.wrap(DataAgents.class, new CapiDataAgents(client.get(), capi(selection, config)),
                guard.get()::agents);
    }

    @Produces
    @ApplicationScoped
    ChatAgent chatAgent(AdapterSelection selection, AdapterConfig config, Instance<LocalChatAgent> local,
                        Instance<DataChatServiceClient> client, Instance<GcpCallGuard> guard) {
        if (selection.isLocal(Port.AGENTS)) {
            return local.get();
        }
        return Guarded.wrap(ChatAgent.class, new CapiChatAgent(client.get(), capi(selection, config)), guard.get()::chat);
    }

    private static CapiConfig capi(AdapterSelection selection, AdapterConfig config) {
        return new CapiConfig(selection.projectId(), config.gcp().agentsLocation(), Duration.ofMinutes(2));
    }
}
