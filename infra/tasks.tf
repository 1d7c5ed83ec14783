# Custom jobs: api-service creates one HTTP task per job (named after the job id, so a retried create is refused
# as ALREADY_EXISTS) that POSTs to custom-provisioner /tasks/custom-provision or /tasks/pipeline-run with an OIDC
# token signed as the tasks invoker account. Rate limits and retries match the app's platform.queue.custom.* defaults.
#
# Dispatch deadline: not a queue setting. The app sets it on every task (CloudTasksQueue.Config.dispatchDeadline,
# platform.queue.custom.dispatch-deadline, Cloud Tasks allows 15s to 30 min); run.tf sets it from the custom run
# budget (var.custom_run_budget_seconds + 300 s), so a long run is never re-dispatched while it is running.
# custom-provisioner's Cloud Run timeout (1800s, run.tf) is at least that, so Cloud Tasks, not Cloud Run, decides
# when an attempt failed.
# The URL and OIDC settings are per task as well (the app owns them), so the queue has no http_target override.
#
# Pacing: Cloud Tasks does not wait for a worker's Retry-After (a 429/503 is retried on this retry_config and counts
# as an attempt). A readiness delivery the chat quota has no room for is therefore acknowledged 200 by
# custom-provisioner, which creates a new task for the job with schedule_time = now + the wait (name
# job-{job}-d{n}: a redelivery gets ALREADY_EXISTS), bounded by platform.queue.custom.max-deferral. So max_attempts
# counts real failures only, and no queue setting changes for it.

resource "google_cloud_tasks_queue" "custom_provision" {
  project  = var.project_id
  name     = var.custom_queue_name
  location = var.region

  rate_limits {
    max_dispatches_per_second = 5  # platform.queue.custom.max-dispatches-per-second
    max_concurrent_dispatches = 10 # platform.queue.custom.max-concurrent-dispatches
  }

  retry_config {
    max_attempts = 3       # platform.queue.custom.max-attempts (first attempt included)
    min_backoff  = "60s"   # platform.queue.custom.min-backoff
    max_backoff  = "3600s" # platform.queue.custom.max-backoff
  }

  stackdriver_logging_config {
    sampling_ratio = 1.0 # log every dispatch: custom jobs are few and each one matters
  }

  depends_on = [google_project_service.enabled]
}
