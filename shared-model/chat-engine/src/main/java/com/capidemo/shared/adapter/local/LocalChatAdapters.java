package com.capidemo.shared.adapter.local;

import com.capidemo.shared.adapter.Adapter;
import com.capidemo.shared.port.ChatAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** platform.agents=local: chat answered by the local agent (golden queries + the NL to SQL planner). */
@ApplicationScoped
public class LocalChatAdapters {

    @Produces
    @Adapter("local")
    ChatAgent chatAgent(LocalChatAgent agent) {
        return agent;
    }
}
