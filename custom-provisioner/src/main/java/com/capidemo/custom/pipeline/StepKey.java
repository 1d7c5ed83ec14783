package com.capidemo.custom.pipeline;

import com.capidemo.core.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;

/**
 * One named output of one kind of step, with the type later steps read it as: a step writes it under {@link #key()}
 * and a later step reads it with {@link StepContext#outputOf(StepKey)}, so producer and readers share one constant
 * instead of repeating a step type, a key and a cast.
 */
public record StepKey<T>(String stepType, String key, JavaType type) {

    public static <T> StepKey<T> of(String stepType, String key, Class<T> type) {
        return new StepKey<>(stepType, key, Json.MAPPER.constructType(type));
    }

    public static <T> StepKey<T> of(String stepType, String key, TypeReference<T> type) {
        return new StepKey<>(stepType, key, Json.MAPPER.constructType(type));
    }
}
