package com.capidemo.gemini;

import com.capidemo.core.adapter.AdapterSelection;
import com.capidemo.core.adapter.Port;
import com.capidemo.core.config.PlatformConfig;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.types.Model;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * A start with platform.llm=gemini asks Vertex AI for the configured model (platform.gcp.llm-model) and stops when it
 * is not served: a retired or misspelt model would otherwise surface only when the first custom demo reaches its
 * design stage, as a failed job. Vertex AI answers 404 for a model it does not serve; any other error (no credentials,
 * no network) stops the start too, since the designer could not call the model either.
 */
@ApplicationScoped
public class GeminiModelCheck {

    void onStart(
            @Observes StartupEvent event, AdapterSelection selection, PlatformConfig config, Instance<Client> genai) {
        if (!"gemini".equals(selection.value(Port.LLM)) || !config.gcp().checkLlmModel()) {
            return;
        }
        String model = config.gcp().llmModel();
        Model served = requireServed(genai.get(), model, config.gcp().region());
        Log.infof(
                "Vertex AI serves the designer model %s (%s)",
                model, served.name().orElse(model));
    }

    /** The model as Vertex AI describes it; an IllegalStateException naming the setting when it is not served. */
    public static Model requireServed(Client client, String model, String region) {
        try {
            return client.models.get(model, null);
        } catch (ApiException e) {
            String why =
                    e.code() == 404 ? "is not served" : "could not be looked up (" + e.code() + " " + e.status() + ")";
            throw new IllegalStateException(
                    "Vertex AI model '" + model + "' " + why + " in " + region
                            + ": set platform.gcp.llm-model (PLATFORM_GCP_LLM_MODEL; Terraform variable designer_model) to a"
                            + " model Vertex AI lists as available: " + e.message(),
                    e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Vertex AI model '" + model + "' could not be looked up in " + region + ": " + e.getMessage(), e);
        }
    }
}
