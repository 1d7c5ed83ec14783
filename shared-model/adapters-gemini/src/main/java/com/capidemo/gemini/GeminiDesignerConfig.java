package com.capidemo.gemini;

import java.time.Duration;

/**
 * How {@link GeminiDemoDesigner} calls Gemini. Temperature 0 keeps a rerun of the same brief close to the first run;
 * the token budget is large because Gemini 2.5 counts its thinking against it and a schema design is long.
 */
public record GeminiDesignerConfig(String model, float temperature, int maxOutputTokens, Duration timeout) {

    /** Listed by Vertex AI as available until May 2027 or later (Google Cloud's model versions and lifecycle page). */
    public static final String DEFAULT_MODEL = "gemini-3.5-flash";

    public GeminiDesignerConfig {
        model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be between 0 and 2: " + temperature);
        }
        maxOutputTokens = maxOutputTokens <= 0 ? 32_768 : maxOutputTokens;
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofMinutes(3) : timeout;
    }

    public static GeminiDesignerConfig defaults() {
        return new GeminiDesignerConfig(DEFAULT_MODEL, 0f, 32_768, Duration.ofMinutes(3));
    }
}
