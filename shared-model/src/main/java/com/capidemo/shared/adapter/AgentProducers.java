package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.local.LocalChatAgent;
import com.capidemo.shared.adapter.local.LocalDataAgents;
import com.capidemo.shared.port.ChatAgent;
import com.capidemo.shared.port.DataAgents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** platform.agents (local | capi): data agents and the chat that answers through them; only local is wired yet. */
@ApplicationScoped
public class AgentProducers {

    @Produces
    @ApplicationScoped
    DataAgents dataAgents(AdapterSelection selection, Instance<LocalDataAgents> local) {
        return selection.localOnly(Port.AGENTS, local);
    }

    @Produces
    @ApplicationScoped
    ChatAgent chatAgent(AdapterSelection selection, Instance<LocalChatAgent> local) {
        return selection.localOnly(Port.AGENTS, local);
    }
}
