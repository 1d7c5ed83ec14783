output "service_urls" {
  description = "URL of each Cloud Run service as Cloud Run reports it."
  value       = { for key, svc in google_cloud_run_v2_service.service : key => svc.uri }
}

output "worker_audiences" {
  description = "Deterministic URL of each service: the OIDC audience the triggers sign for and the workers expect."
  value       = local.service_urls
}

output "api_url" {
  description = "Base URL of the public API (PLATFORM_URL)."
  value       = local.service_urls.api
}

output "service_account_emails" {
  description = "Runtime and invoker service accounts."
  value = merge(
    { for key, sa in google_service_account.runtime : key => sa.email },
    {
      push_invoker      = google_service_account.push_invoker.email
      tasks_invoker     = google_service_account.tasks_invoker.email
      scheduler_invoker = google_service_account.scheduler_invoker.email
    },
  )
}

output "pubsub" {
  description = "Quick-job topic, its push subscription, dead-letter topic and pull subscription, events and notifications topics."
  value = {
    topic            = google_pubsub_topic.provision_jobs.name
    subscription     = google_pubsub_subscription.provision_jobs_push.name
    dead_letter      = google_pubsub_topic.provision_jobs_dlq.name
    dead_letter_pull = google_pubsub_subscription.provision_jobs_dlq_pull.name
    events_topic     = google_pubsub_topic.provision_events.name
    notifications    = google_pubsub_topic.demo_notifications.name
  }
}

output "tasks_queue" {
  description = "Custom-job Cloud Tasks queue."
  value = {
    name     = google_cloud_tasks_queue.custom_provision.name
    location = google_cloud_tasks_queue.custom_provision.location
    id       = google_cloud_tasks_queue.custom_provision.id
  }
}

output "scheduler_jobs" {
  description = "Lifecycle Cloud Scheduler jobs."
  value       = { for key, job in google_cloud_scheduler_job.lifecycle : key => job.name }
}

output "buckets" {
  description = "Logical bucket name => Cloud Storage bucket."
  value       = { for key, b in google_storage_bucket.bucket : key => b.name }
}

output "kms_key_id" {
  description = "Crypto key of the Crypto port (PLATFORM_GCP_KMS_KEY)."
  value       = google_kms_crypto_key.secrets.id
}

output "artifact_registry" {
  description = "Docker repository prefix for the service images (empty when not created here)."
  value       = join("", [for r in google_artifact_registry_repository.images : "${r.location}-docker.pkg.dev/${r.project}/${r.repository_id}"])
}

output "service_env" {
  description = "Environment of each service exactly as deployed."
  value       = { for key, svc in local.services : key => merge(local.common_env, svc.env, var.extra_env) }
}

# `terraform output -raw env > gcp.env && source gcp.env` gives a developer the settings to run api-service (or a
# test) on their workstation against this project with Application Default Credentials. Workers run locally keep
# the shared-secret auth: only Google's push, task and scheduler callers can produce the OIDC tokens they expect.
output "env" {
  description = "Shell exports for running against this deployment from a workstation."
  value = join("\n", concat(
    [for k, v in merge(local.common_env, local.services.api.env, var.extra_env) : "export ${k}=${v}" if k != "PLATFORM_API_PORT" && k != "PLATFORM_DATA_DIR"],
    ["export PLATFORM_URL=${local.service_urls.api}", ""],
  ))
}
