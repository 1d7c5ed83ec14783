package com.capidemo.core.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for tenant ids, which are also the names of the tenants' warehouse datasets: 3-50 characters of
 * lowercase letters, digits and underscores, starting with a letter (DuckDB and BigQuery names may not start with a
 * digit; "12345" used to pass the old rule and then fail in the warehouse). Onboarding, /api/setup (project id with
 * '-' as '_') and the pipeline paths all use it.
 */
public final class TenantIds {

    public static final String REGEX = "[a-z][a-z0-9_]{2,49}";
    public static final String RULE = "must be 3-50 lowercase letters, digits or underscores, starting with a letter";
    private static final Pattern PATTERN = Pattern.compile(REGEX);
    /** Dataset names the warehouses accept (the tenant's dataset is named from configs/customer/onboarding-template.yml). */
    private static final Pattern DATASET = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private TenantIds() {}

    public static boolean isValid(String tenantId) {
        return tenantId != null && PATTERN.matcher(tenantId).matches();
    }

    public static boolean isValidDataset(String datasetId) {
        return datasetId != null && DATASET.matcher(datasetId).matches();
    }

    /** The tenant of a Google Cloud project (POST /api/setup): its id in lower case with '_' for '-'. */
    public static String ofProject(String projectId) {
        return projectId.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
