package com.capidemo.chat;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.port.ChatAgent;
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
