package com.capidemo.core.port;

/**
 * An HTTP task for custom-provisioner: {@code name} is unique per job (Cloud Tasks deduplicates on it),
 * {@code path} the worker endpoint ({@code /tasks/custom-provision}, {@code /tasks/pipeline-run} or
 * {@code /tasks/readiness}), {@code body}
 * the JSON payload POSTed to it.
 */
public record TaskRequest(String name, String path, byte[] body) {

    public static final String CUSTOM_PROVISION = "/tasks/custom-provision";
    public static final String PIPELINE_RUN = "/tasks/pipeline-run";
    public static final String READINESS = "/tasks/readiness";

    /** The task name for a job: Cloud Tasks names allow letters, digits, hyphens and underscores. */
    public static String nameFor(String jobId) {
        return "job-" + jobId.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
