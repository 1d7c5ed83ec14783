package com.capidemo.api.service;

import com.capidemo.core.config.PlatformConfig;
import com.capidemo.core.domain.Caller;
import com.capidemo.core.domain.Demo;
import com.capidemo.core.domain.DemoCursor;
import com.capidemo.core.domain.DemoFilter;
import com.capidemo.core.domain.DemoStatus;
import com.capidemo.core.domain.DemoSummary;
import com.capidemo.core.domain.TenantIds;
import com.capidemo.core.port.DemoStore;
import com.capidemo.core.port.TenantStore;
import com.capidemo.core.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * One-call setup: a Google Cloud project becomes a tenant (onboarded if new) with a demo of the default
 * template. Calling it again returns the same tenant and demo instead of creating more.
 */
@ApplicationScoped
public class SetupService {

    private final OnboardingService onboarding;
    private final ProvisionService provisioning;
    private final TenantStore tenants;
    private final DemoStore demos;
    private final String defaultTemplate;

    public SetupService(
            OnboardingService onboarding,
            ProvisionService provisioning,
            TenantStore tenants,
            DemoStore demos,
            PlatformConfig config) {
        this.onboarding = onboarding;
        this.provisioning = provisioning;
        this.tenants = tenants;
        this.demos = demos;
        this.defaultTemplate = config.setup().defaultTemplate();
    }

    public record SetupResult(
            String projectId,
            String tenantId,
            boolean tenantCreated,
            String apiKey,
            String demoId,
            String jobId,
            String status,
            String statusUrl,
            String message) {}

    /** Project ids are 6-30 lowercase letters, digits and hyphens; the tenant follows {@link TenantIds}' rule. */
    public static String tenantOf(String projectId) {
        String tenantId = TenantIds.ofProject(projectId);
        if (!TenantIds.isValid(tenantId)) {
            throw ApiProblem.invalid("project_id", "does not name a valid tenant: " + TenantIds.RULE);
        }
        return tenantId;
    }

    public static String setupUser(String tenantId) {
        return "setup@" + tenantId + ".local";
    }

    public SetupResult setup(String projectId) {
        String tenantId = tenantOf(projectId);
        String apiKey = null;
        boolean created = false;
        if (tenants.find(tenantId).isEmpty()) {
            try {
                apiKey = onboarding.onboard(tenantId, setupUser(tenantId)).apiKey();
                created = true;
            } catch (ApiProblem e) {
                if (e.status() != 409) {
                    throw e; // 409: a concurrent setup onboarded it first, go on with its tenant
                }
            }
        }
        Optional<Demo> existing = setupDemo(tenantId);
        if (existing.isPresent()) {
            Demo d = existing.get();
            return new SetupResult(
                    projectId,
                    tenantId,
                    created,
                    apiKey,
                    d.demoId(),
                    null,
                    d.status().wire(),
                    "/api/demos/" + d.demoId(),
                    "Project " + projectId + " is already set up");
        }
        ProvisionService.Accepted accepted =
                provisioning.quick(new Caller(tenantId, setupUser(tenantId), "admin"), defaultTemplate, projectId);
        return new SetupResult(
                projectId,
                tenantId,
                created,
                apiKey,
                accepted.demoId(),
                accepted.jobId(),
                accepted.status(),
                accepted.statusUrl(),
                created
                        ? "Project " + projectId + " onboarded; store the API key now, it is not shown again"
                        : "Project " + projectId + " was onboarded before; its demo is being provisioned");
    }

    /**
     * The newest demo setup made for the project's tenant, unless it failed or was deleted: a direct lookup of the
     * setup user's demos (an index range), however many other demos the tenant has.
     */
    public Optional<Demo> setupDemo(String tenantId) {
        DemoFilter setupDemos = DemoFilter.createdBy(setupUser(tenantId));
        Optional<DemoCursor> after = Optional.empty();
        while (true) {
            List<DemoSummary> page = demos.list(tenantId, setupDemos, after, LOOKUP_PAGE);
            Optional<DemoSummary> found =
                    page.stream().filter(d -> d.status() != DemoStatus.FAILED).findFirst();
            if (found.isPresent()) {
                return demos.find(found.get().demoId());
            }
            if (page.size() < LOOKUP_PAGE) {
                return Optional.empty();
            }
            after = Optional.of(page.get(page.size() - 1).cursor());
        }
    }

    private static final int LOOKUP_PAGE = 20;
}
