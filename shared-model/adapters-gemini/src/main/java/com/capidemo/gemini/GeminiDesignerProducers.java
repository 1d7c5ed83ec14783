package com.capidemo.gemini;

import com.capidemo.core.adapter.Adapter;
import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.config.ConfigsLocator;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.design.DemoDesigner;
import com.capidemo.design.KnowledgeBase;
import com.capidemo.gcp.GcpCallGuard;
import com.capidemo.gcp.Guarded;
import com.google.genai.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** platform.llm=gemini: Gemini on Vertex AI with JSON-schema-constrained answers, behind the fault-tolerance guard. */
@ApplicationScoped
public class GeminiDesignerProducers {

    @Produces
    @ApplicationScoped
    @Adapter("gemini")
    DemoDesigner gemini(PlatformConfig config, Instance<Client> genai, Instance<GcpCallGuard> guard) {
        GeminiDesignerConfig defaults = GeminiDesignerConfig.defaults();
        GeminiDesignerConfig gemini = new GeminiDesignerConfig(
                config.gcp().llmModel(), defaults.temperature(), defaults.maxOutputTokens(), defaults.timeout());
        return Guarded.wrap(
                DemoDesigner.class,
                new GeminiDemoDesigner(
                        genai.get(),
                        gemini,
                        KnowledgeBase.load(ConfigsLocator.locate(config).resolve("knowledge"))),
                "aiplatform",
                guard.get()::llm);
    }

    /** Gemini on Vertex AI in the platform's project and region, with application default credentials. */
    @Produces
    @Singleton
    Client genai(AdapterSelection selection, PlatformConfig config) {
        return Client.builder()
                .vertexAI(true)
                .project(selection.projectId())
                .location(config.gcp().region())
                .build();
    }
}
