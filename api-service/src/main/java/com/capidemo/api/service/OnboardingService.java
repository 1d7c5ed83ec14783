package com.capidemo.api.service;

import com.capidemo.api.security.ApiKeys;
import com.capidemo.core.config.ConfigsLocator;
import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.ApiKey;
import com.capidemo.core.domain.Tenant;
import com.capidemo.core.domain.TenantIds;
import com.capidemo.core.port.Crypto;
import com.capidemo.core.port.TenantStore;
import com.capidemo.core.port.Warehouse;
import com.capidemo.core.service.OnboardingTemplate;
import com.capidemo.core.web.ApiProblem;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tenant onboarding: the tenant's dataset and metadata tables, a first API key stored as
 * SHA-256 + ciphertext, then a dry run proving a query over each of its tables is valid. The key is returned once.
 */
@ApplicationScoped
public class OnboardingService {

    private final TenantStore tenants;
    private final Clock clock;
    private final Warehouse warehouse;
    private final Crypto crypto;
    private final OnboardingTemplate template;

    public OnboardingService(
            TenantStore tenants, Warehouse warehouse, Crypto crypto, PlatformConfig config, Clock clock) {
        this.clock = clock;
        this.tenants = tenants;
        this.warehouse = warehouse;
        this.crypto = crypto;
        this.template = OnboardingTemplate.load(ConfigsLocator.locate(config));
    }

    public record Onboarded(
            String tenantId,
            String apiKey,
            boolean datasetCreated,
            List<String> tablesCreated,
            String dryrunStatus,
            String message) {}

    public Onboarded onboard(String tenantId, String userEmail) {
        if (!TenantIds.isValid(tenantId)) {
            throw ApiProblem.invalid("tenant_id", TenantIds.RULE);
        }
        String datasetId = template.datasetFor(tenantId);
        if (!TenantIds.isValidDataset(datasetId)) {
            throw ApiProblem.invalid("tenant_id", "does not make a valid dataset name (" + datasetId + ")");
        }
        if (tenants.find(tenantId).isPresent()) {
            throw ApiProblem.conflict("tenant-exists", "tenant '" + tenantId + "' is already onboarded");
        }
        boolean datasetCreated = warehouse.createDataset(datasetId, template.labelsFor(tenantId));
        List<String> created = new ArrayList<>();
        template.tables().forEach((table, columns) -> {
            warehouse.createTable(datasetId, table, columns);
            created.add(table);
        });

        String key = ApiKeys.generate(tenantId);
        Instant now = clock.instant();
        String email = userEmail == null || userEmail.isBlank() ? "admin@" + tenantId + ".local" : userEmail;
        ApiKey stored = new ApiKey(
                ApiKeys.hash(key),
                tenantId,
                email,
                "admin",
                crypto.encrypt(key.getBytes(StandardCharsets.UTF_8), "api_key:" + tenantId),
                now,
                false);
        if (tenants.createWithKey(new Tenant(tenantId, datasetId, now), stored).isEmpty()) {
            throw ApiProblem.conflict("tenant-exists", "tenant '" + tenantId + "' is already onboarded");
        }
        String dryrun = dryrun(datasetId);
        Log.infof("onboarded tenant %s (dataset %s, dry run %s)", tenantId, datasetId, dryrun);
        return new Onboarded(
                tenantId,
                key,
                datasetCreated,
                created,
                dryrun,
                "Customer " + tenantId + " onboarded successfully; store the API key now, it is not shown again");
    }

    /**
     * A query over every metadata table of the new dataset must be valid: validated by the warehouse (a BigQuery dry
     * run), not run, so no row is read and nothing is billed.
     */
    private String dryrun(String datasetId) {
        try {
            for (String table : template.tables().keySet()) {
                warehouse.validate(datasetId, "SELECT * FROM " + table);
            }
            return "SUCCESS";
        } catch (RuntimeException e) {
            Log.warnf("dry run failed on %s: %s", datasetId, e.getMessage());
            return "FAILED";
        }
    }
}
