package com.capidemo.gcp;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the Conversational Analytics API keeps our data agents: {@code project} (also the BigQuery project of the
 * demo datasets), {@code location} ("global" unless the API is used regionally), how long to wait for an agent's
 * create/update/delete operation (2 min when null) and the most a query the agent runs for a chat may bill
 * ({@code maxBilledBytes}, the warehouse's own cap; 1 GiB when not positive).
 */
public record CapiConfig(String project, String location, Duration operationTimeout, long maxBilledBytes) {

    public static final long GIB = 1L << 30;

    public CapiConfig {
        Objects.requireNonNull(project, "project");
        location = location == null || location.isBlank() ? "global" : location;
        operationTimeout = operationTimeout == null ? Duration.ofMinutes(2) : operationTimeout;
        maxBilledBytes = maxBilledBytes > 0 ? maxBilledBytes : GIB;
    }

    public String parent() {
        return "projects/" + project + "/locations/" + location;
    }

    /**
     * The agent id of a demo: stable, so a retried create finds the agent it made before, and derivable from the demo
     * alone, which is all the chat port is given. Lower-case letters, digits and hyphens, at most 63 characters.
     */
    public static String agentId(String demoId) {
        String id = ("agent-" + demoId.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9-]", "-");
        return id.length() > 63 ? id.substring(0, 63) : id;
    }

    public String agentName(String agentId) {
        return parent() + "/dataAgents/" + agentId;
    }
}
