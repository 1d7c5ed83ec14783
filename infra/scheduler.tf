# Lifecycle cron (seed 001 Phase 6): Cloud Scheduler POSTs to lifecycle-service with an OIDC token signed as the
# scheduler invoker account. Both runs are idempotent in the app, so a retried or doubled run is harmless.

locals {
  lifecycle_jobs = {
    cleanup = {
      description = "Archive demos unused 90+ days, delete archived demos after 180+ days, drop temp datasets older than 24 h"
      schedule    = var.cleanup_schedule
      path        = "/api/admin/cleanup"
    }
    send-warnings = {
      description = "Warn owners 7 days before their demo is archived"
      schedule    = var.warnings_schedule
      path        = "/api/admin/send-warnings"
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
  ]
}
