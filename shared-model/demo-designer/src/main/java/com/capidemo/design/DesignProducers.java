package com.capidemo.design;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.adapter.Adapters;
import com.capidemo.core.adapter.Port;
import com.capidemo.core.config.ConfigsLocator;
import com.capidemo.core.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * platform.llm (local | gemini): the design stages of the custom demo pipeline — the deterministic knowledge-base
 * designer over configs/knowledge/ (here), or Gemini on Vertex AI ({@code GeminiDesignerProducers}).
 */
@ApplicationScoped
public class DesignProducers {

    @Produces
    @ApplicationScoped
    DemoDesigner designer(AdapterSelection selection, @Any Instance<DemoDesigner> adapters) {
        return Adapters.pick(adapters, selection, Port.LLM);
    }

    @Produces
    @ApplicationScoped
    @Adapter("local")
    DemoDesigner knowledgeBase(PlatformConfig config) {
        return KnowledgeBaseDemoDesigner.fromConfigs(ConfigsLocator.locate(config));
    }
}
