package com.capidemo.shared.adapter;

import com.capidemo.shared.adapter.gcp.GcpCallGuard;
import com.capidemo.shared.adapter.gcp.GeminiDemoDesigner;
import com.capidemo.shared.adapter.gcp.GeminiDesignerConfig;
import com.capidemo.shared.adapter.gcp.Guarded;
import com.capidemo.shared.config.AdapterConfig;
import com.capidemo.shared.config.ConfigsLocator;
import com.capidemo.shared.config.PlatformConfig;
import com.capidemo.shared.design.DemoDesigner;
import com.capidemo.shared.design.KnowledgeBaseDemoDesigner;
import com.google.genai.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * platform.llm (local | gemini): the design stages of the custom demo pipeline — the deterministic knowledge-base
 * designer over configs/knowledge/, or Gemini on Vertex AI with JSON-schema-constrained answers.
 */
@ApplicationScoped
public class DesignProducers {

    @Produces
    @ApplicationScoped
    DemoDesigner designer(AdapterSelection selection, AdapterConfig adapters, PlatformConfig config,
                          Instance<Client> genai, Instance<GcpCallGuard> guard) {
        if (selection.isLocal(Port.LLM)) {
            return KnowledgeBaseDemoDesigner.fromConfigs(ConfigsLocator.locate(config));
        }
        GeminiDesignerConfig defaults = GeminiDesignerConfig.defaults();
        GeminiDesignerConfig gemini = new GeminiDesignerConfig(adapters.gcp().llmModel(), defaults.temperature(),
                defaults.maxOutputTokens(), defaults.timeout());
        return Guarded.wrap(DemoDesigner.class, new GeminiDemoDesigner(genai.get(), gemini), guard.get()::llm);
    }
}
