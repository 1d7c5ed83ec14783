# Operating the platform: what the services send (traces to Cloud Trace, structured logs to Cloud Logging, the
# platform's meters to Cloud Monitoring as custom.googleapis.com/* — docs/observability.md), one dashboard, an alert
# policy per service-level target (quick p95 < 60 s, custom p95 < 8 min, API GET p50 < 200 ms, 5xx < 0.1 %,
# availability 99.9 %) and per operational failure (a dead-lettered job, a failed Scheduler job, a failed lifecycle
# run, the Conversational Analytics quota near its limit), an uptime check on the API's health, and the log-based
# metrics two of the alerts read. The dashboard's JSON is dashboards/platform.json; a test checks that it and the alert
# filters name only metrics the code emits (com.capidemo.core.telemetry.PlatformMeters) or Google's own.

locals {
  telemetry_apis = [
    "monitoring.googleapis.com", # custom metrics, dashboard, alerts, uptime check
    "cloudtrace.googleapis.com", # spans (platform.telemetry.traces=cloud-trace)
    "logging.googleapis.com",    # structured logs and the log-based metrics
  ]

  # Each runtime account writes its own spans and metric points; Cloud Run ships stdout to Cloud Logging itself.
  telemetry_roles = ["roles/cloudtrace.agent", "roles/monitoring.metricWriter"]
  telemetry_grants = {
    for pair in setproduct(keys(local.runtime_accounts), local.telemetry_roles) : "${pair[0]}:${pair[1]}" => {
      svc  = pair[0]
      role = pair[1]
    }
  }

  notification_channels = concat(var.notification_channels,
  [for c in google_monitoring_notification_channel.email : c.id])

  # custom.googleapis.com/* points come from each process as resource generic_task (CloudMonitoringExport).
  custom  = "resource.type=\"generic_task\" metric.type=\"custom.googleapis.com"
  api_run = "resource.type=\"cloud_run_revision\" resource.label.\"service_name\"=\"${var.service_names.api}\""

  dashboard_json = replace(replace(replace(file("${path.module}/dashboards/platform.json"),
    "{{quick_subscription}}", var.quick_subscription_name),
    "{{custom_queue}}", var.custom_queue_name),
  "{{api_service}}", var.service_names.api)
}

resource "google_project_service" "telemetry" {
  for_each = toset(local.telemetry_apis)

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

resource "google_project_iam_member" "telemetry" {
  for_each = local.telemetry_grants

  project = var.project_id
  role    = each.value.role
  member  = "serviceAccount:${google_service_account.runtime[each.value.svc].email}"
}

# ---------------------------------------------------------------------------------------------------------------
# Where alerts go
# ---------------------------------------------------------------------------------------------------------------

resource "google_monitoring_notification_channel" "email" {
  for_each = toset(var.alert_emails)

  project      = var.project_id
  display_name = "CAPI alerts: ${each.value}"
  type         = "email"
  labels = {
    email_address = each.value
  }

  depends_on = [google_project_service.telemetry]
}

# ---------------------------------------------------------------------------------------------------------------
# Dashboard
# ---------------------------------------------------------------------------------------------------------------

resource "google_monitoring_dashboard" "platform" {
  project        = var.project_id
  dashboard_json = local.dashboard_json

  depends_on = [google_project_service.telemetry]
}

# ---------------------------------------------------------------------------------------------------------------
# Log-based metrics (easier from logs than from the app: a Scheduler attempt that failed is logged by Cloud Scheduler
# only; a failed lifecycle run is one ERROR line of RunRecorder, which Cloud Logging's structured format names)
# ---------------------------------------------------------------------------------------------------------------

resource "google_logging_metric" "scheduler_job_failed" {
  project     = var.project_id
  name        = "capi_scheduler_job_failed"
  description = "Cloud Scheduler attempts of the lifecycle jobs that failed (the target answered non-2xx or did not answer)."
  filter      = "resource.type=\"cloud_scheduler_job\" AND resource.labels.job_id=~\"^capi-lifecycle-\" AND severity>=ERROR"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
    labels {
      key         = "job_id"
      value_type  = "STRING"
      description = "The Scheduler job"
    }
  }
  label_extractors = {
    job_id = "EXTRACT(resource.labels.job_id)"
  }

  depends_on = [google_project_service.telemetry]
}

resource "google_logging_metric" "lifecycle_run_failed" {
  project     = var.project_id
  name        = "capi_lifecycle_run_failed"
  description = "Lifecycle runs (cleanup, send-warnings, export-metrics) that failed and were recorded as failed."
  filter      = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${var.service_names.lifecycle}\" AND severity>=ERROR AND jsonPayload.logger=\"com.capidemo.lifecycle.service.RunRecorder\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }

  depends_on = [google_project_service.telemetry]
}

# ---------------------------------------------------------------------------------------------------------------
# Uptime check on the API's health (skipped behind IAP: the checker has no identity IAP admits)
# ---------------------------------------------------------------------------------------------------------------

resource "google_monitoring_uptime_check_config" "api_health" {
  count = var.enable_iap ? 0 : 1

  project      = var.project_id
  display_name = "CAPI api-service health"
  timeout      = "10s"
  period       = var.uptime_check_period

  http_check {
    path           = "/q/health/ready"
    port           = 443
    use_ssl        = true
    validate_ssl   = true
    request_method = "GET"
    accepted_response_status_codes {
      status_class = "STATUS_CLASS_2XX"
    }
  }

  monitored_resource {
    type = "uptime_url"
    labels = {
      project_id = var.project_id
      host       = trimprefix(local.service_urls.api, "https://")
    }
  }

  depends_on = [google_project_service.telemetry]
}

# ---------------------------------------------------------------------------------------------------------------
# Alert policies
# ---------------------------------------------------------------------------------------------------------------

resource "google_monitoring_alert_policy" "quick_p95" {
  project               = var.project_id
  display_name          = "CAPI quick provision p95 over 60 s"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "provision/duration p95 (type quick, completed) > 60 s"
    condition_threshold {
      filter          = "${local.custom}/provision/duration\" metric.label.\"type\"=\"quick\" metric.label.\"outcome\"=\"completed\""
      comparison      = "COMPARISON_GT"
      threshold_value = 60000
      duration        = "0s"
      aggregations {
        alignment_period     = "900s"
        per_series_aligner   = "ALIGN_PERCENTILE_95"
        cross_series_reducer = "REDUCE_MAX"
      }
    }
  }

  documentation {
    content   = "Quick provisions take longer than the 60 s target at p95. Open the dashboard's duration chart, then a slow trace in Cloud Trace (span names: job, claim, phase ...)."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "custom_p95" {
  project               = var.project_id
  display_name          = "CAPI custom provision p95 over 8 min"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "provision/duration p95 (type custom, completed) > 8 min"
    condition_threshold {
      filter          = "${local.custom}/provision/duration\" metric.label.\"type\"=\"custom\" metric.label.\"outcome\"=\"completed\""
      comparison      = "COMPARISON_GT"
      threshold_value = 480000
      duration        = "0s"
      aggregations {
        alignment_period     = "3600s"
        per_series_aligner   = "ALIGN_PERCENTILE_95"
        cross_series_reducer = "REDUCE_MAX"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "api_get_p50" {
  project               = var.project_id
  display_name          = "CAPI API GET p50 over 200 ms"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "http/server/requests p50 (GET, per route) > 200 ms for 15 min"
    condition_threshold {
      filter          = "${local.custom}/http/server/requests\" resource.label.\"job\"=\"${var.service_names.api}\" metric.label.\"method\"=\"GET\""
      comparison      = "COMPARISON_GT"
      threshold_value = 200
      duration        = "900s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_PERCENTILE_50"
        cross_series_reducer = "REDUCE_MEAN"
        group_by_fields      = ["metric.label.\"uri\""]
      }
    }
  }
}

resource "google_monitoring_alert_policy" "api_5xx_rate" {
  project               = var.project_id
  display_name          = "CAPI API 5xx rate over 0.1 %"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "5xx / all requests of api-service over an hour > 0.1 %"
    condition_threshold {
      filter             = "${local.api_run} metric.type=\"run.googleapis.com/request_count\" metric.label.\"response_code_class\"=\"5xx\""
      denominator_filter = "${local.api_run} metric.type=\"run.googleapis.com/request_count\""
      comparison         = "COMPARISON_GT"
      threshold_value    = 0.001
      duration           = "0s"
      aggregations {
        alignment_period     = "3600s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
      denominator_aggregations {
        alignment_period     = "3600s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "api_down" {
  count = var.enable_iap ? 0 : 1

  project               = var.project_id
  display_name          = "CAPI API health check failing"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "uptime check failed from more than one region"
    condition_threshold {
      filter          = "metric.type=\"monitoring.googleapis.com/uptime_check/check_passed\" resource.type=\"uptime_url\" metric.label.\"check_id\"=\"${google_monitoring_uptime_check_config.api_health[0].uptime_check_id}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 1
      duration        = "600s"
      aggregations {
        alignment_period     = "1200s"
        per_series_aligner   = "ALIGN_NEXT_OLDER"
        cross_series_reducer = "REDUCE_COUNT_FALSE"
        group_by_fields      = ["resource.label.\"host\""]
      }
    }
  }
}

resource "google_monitoring_alert_policy" "dead_lettered" {
  project               = var.project_id
  display_name          = "CAPI quick job dead-lettered"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "any message of ${var.quick_subscription_name} dead-lettered"
    condition_threshold {
      filter          = "resource.type=\"pubsub_subscription\" resource.label.\"subscription_id\"=\"${var.quick_subscription_name}\" metric.type=\"pubsub.googleapis.com/subscription/dead_letter_message_count\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    content   = "A quick job was delivered ${var.quick_max_delivery_attempts} times without an answer; quick-provisioner's /pubsub/dead-letter failed the job. The message stays 7 days in provision-jobs-dlq-pull."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "scheduler_failed" {
  project               = var.project_id
  display_name          = "CAPI lifecycle Scheduler job failed"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "a capi-lifecycle-* attempt failed"
    condition_threshold {
      filter          = "resource.type=\"cloud_scheduler_job\" metric.type=\"logging.googleapis.com/user/${google_logging_metric.scheduler_job_failed.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["metric.label.\"job_id\""]
      }
    }
  }
}

resource "google_monitoring_alert_policy" "lifecycle_failed" {
  project               = var.project_id
  display_name          = "CAPI lifecycle run failed"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "a lifecycle run was recorded as failed"
    condition_threshold {
      filter          = "resource.type=\"cloud_run_revision\" metric.type=\"logging.googleapis.com/user/${google_logging_metric.lifecycle_run_failed.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "capi_quota" {
  project               = var.project_id
  display_name          = "CAPI Conversational Analytics quota above ${var.quota_alert_ratio * 100} %"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "geminidataanalytics.googleapis.com rate quota usage / limit"
    condition_threshold {
      filter             = "resource.type=\"consumer_quota\" resource.label.\"service\"=\"geminidataanalytics.googleapis.com\" metric.type=\"serviceruntime.googleapis.com/quota/rate/net_usage\""
      denominator_filter = "resource.type=\"consumer_quota\" resource.label.\"service\"=\"geminidataanalytics.googleapis.com\" metric.type=\"serviceruntime.googleapis.com/quota/limit\""
      comparison         = "COMPARISON_GT"
      threshold_value    = var.quota_alert_ratio
      duration           = "0s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["metric.label.\"quota_metric\""]
      }
      denominator_aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_NEXT_OLDER"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["metric.label.\"quota_metric\""]
      }
    }
  }
}
