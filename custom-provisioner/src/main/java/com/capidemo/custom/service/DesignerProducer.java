package com.capidemo.custom.service;

import com.capidemo.shared.config.ConfigsLocator;
import com.capidemo.shared.config.PlatformConfig;
import com.capidemo.shared.design.DemoDesigner;
import com.capidemo.shared.design.KnowledgeBaseDemoDesigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The design stages' "LLM": the deterministic knowledge-base designer over configs/knowledge/. */
public class DesignerProducer {

    @Produces
    @ApplicationScoped
    DemoDesigner designer(PlatformConfig config) {
        return KnowledgeBaseDemoDesigner.fromConfigs(ConfigsLocator.locate(config));
    }
}
