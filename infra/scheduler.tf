# Lifecycle cron: Cloud Scheduler POSTs to lifecycle-service's /api/admin/* with an OIDC token signed
# as the scheduler invoker account, for the service's URL as audience; lifecycle-service verifies both
# (PLATFORM_WORKER_AUTH=oidc, run.tf) and runs no in-process cron in gcp mode (PLATFORM_LIFECYCLE_CRON_ENABLED=false).
# Every run is idempotent and safe to run twice at once in the app, so a retried or doubled run is harmless; a failed
# run answers 503 and is retried below.

locals {
  lifecycle_jobs = {
    cleanup = {
      description = "Archive demos unused 90+ days, delete archived demos after 180+ days, drop temp datasets older than 24 h"
      schedule    = var.cleanup_schedule
      path        = "/api/admin/cleanup"
    }
    send-warnings = {
      description = "Warn owners 7 days before their demo is archived (notifications + topic demo-notifications)"
      schedule    = var.warnings_schedule
      path        = "/api/admin/send-warnings"
    }
    export-metrics = {
      description = "Export demo counts per status, template and tenant as metrics, recorded in lifecycle_runs"
      schedule    = var.metrics_schedule
      path        = "/api/admin/export-metrics"
    }
  }
}

resource "google_cloud_scheduler_job" "lifecycle" {
  for_each = local.lifecycle_jobs

  project          = var.project_id
  region           = var.region
  name             = "capi-lifecycle-${each.key}"
  description      = each.value.description
  schedule         = each.value.schedule
  time_zone        = var.scheduler_time_zone
  attempt_deadline = "600s" # lifecycle-service's Cloud Run timeout is 900s

  retry_config {
    retry_count          = 3
    min_backoff_duration = "60s"
    max_backoff_duration = "600s"
  }

  http_target {
    http_method = "POST"
    uri         = "${local.service_urls.lifecycle}${each.value.path}"
    headers = {
      "Content-Type" = "application/json"
    }
    body = base64encode("{}")

    oidc_token {
      service_account_email = google_service_account.scheduler_invoker.email
      audience              = local.service_urls.lifecycle # = PLATFORM_WORKER_OIDC_AUDIENCE of lifecycle-service
    }
  }

  depends_on = [
    google_project_service.enabled,
    google_cloud_run_v2_service_iam_member.lifecycle_scheduler_invoker,
    google_service_account_iam_member.scheduler_agent_token_creator,
  ]
}
