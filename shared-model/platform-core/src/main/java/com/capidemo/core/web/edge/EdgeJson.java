package com.capidemo.core.web.edge;

import com.capidemo.core.json.StrictJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Applies {@link StrictJson}'s rules to the ObjectMapper that reads every request body of every service. */
@Singleton
public class EdgeJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.apply(mapper);
    }
}
