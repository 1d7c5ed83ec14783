# The four Cloud Run services, one image each, each running as its own service account (iam.tf).
# Environment keys follow the app's configuration (docs/configuration.md).

locals {
  kms_key_id    = google_kms_crypto_key.secrets.id
  bucket_prefix = var.bucket_prefix != "" ? var.bucket_prefix : "${var.project_id}-capi-"

  # Settings every service reads; README.md maps each to its platform.* configuration key.
  common_env = {
    PLATFORM_MODE                     = "gcp"
    PLATFORM_GCP_PROJECT_ID           = var.project_id
    PLATFORM_GCP_REGION               = var.region
    PLATFORM_DATA_DIR                 = "/tmp/platform-data"                           # scratch only; the image's /data is not writable for uid 185
    PLATFORM_QUEUE_QUICK_TOPIC        = google_pubsub_topic.provision_jobs.name        # PubSubJobQueue
    PLATFORM_QUEUE_QUICK_SUBSCRIPTION = var.quick_subscription_name                    # not the resource: it depends on the worker
    PLATFORM_QUEUE_CUSTOM_NAME        = google_cloud_tasks_queue.custom_provision.name # CloudTasksQueue.Config.queue
    PLATFORM_QUEUE_CUSTOM_LOCATION    = google_cloud_tasks_queue.custom_provision.location
    PLATFORM_GCP_EVENTS_TOPIC         = google_pubsub_topic.provision_events.name
    PLATFORM_GCP_NOTIFICATIONS_TOPIC  = google_pubsub_topic.demo_notifications.name
    PLATFORM_GCP_BUCKET_PREFIX        = local.bucket_prefix
    PLATFORM_GCP_KMS_KEY              = local.kms_key_id
    PLATFORM_GCP_BIGQUERY_LOCATION    = var.bigquery_location
    PLATFORM_GCP_AGENTS_LOCATION      = var.capi_location
  }

  # A worker accepts only Google-signed ID tokens minted for its own URL by its one invoker account. The workers are
  # IAM-protected Cloud Run services: Cloud Run verifies the token's signature (and run.invoker) before the request
  # reaches the container and passes the token on with its signature replaced by SIGNATURE_REMOVED_BY_GOOGLE, so
  # the app checks issuer, audience, email and expiry (verification = cloud-run-iam). Elsewhere it must stay
  # "signature", which verifies the signature against Google's keys.
  worker_env = {
    for key, invoker in {
      quick     = google_service_account.push_invoker.email
      custom    = google_service_account.tasks_invoker.email
      lifecycle = google_service_account.scheduler_invoker.email
      } : key => {
      PLATFORM_WORKER_AUTH                       = "oidc"
      PLATFORM_WORKER_OIDC_VERIFICATION          = "cloud-run-iam"
      PLATFORM_WORKER_OIDC_AUDIENCE              = local.service_urls[key]
      PLATFORM_WORKER_OIDC_SERVICE_ACCOUNT_EMAIL = invoker
    }
  }

  # Where custom tasks go and as whom Cloud Tasks signs their OIDC token: api-service queues custom demos and pipeline
  # runs; quick-provisioner and custom-provisioner queue readiness jobs (the demo finisher, POST /tasks/readiness).
  custom_task_env = {
    PLATFORM_QUEUE_CUSTOM_ENDPOINT              = local.service_urls.custom
    PLATFORM_QUEUE_CUSTOM_AUDIENCE              = local.service_urls.custom
    PLATFORM_QUEUE_CUSTOM_SERVICE_ACCOUNT_EMAIL = google_service_account.tasks_invoker.email
    PLATFORM_QUEUE_CUSTOM_DISPATCH_DEADLINE     = "${var.custom_run_budget_seconds + 300}s" # variables.tf
  }

  # custom-provisioner scores readiness on each of its instances: each paces itself to its part of the chat quota's
  # readiness share (platform.readiness.instances), so the service as a whole stays within the share.
  custom_max_instances = 5

  services = {
    api = {
      image       = var.images.api
      sa          = google_service_account.runtime["api"].email
      ingress     = "INGRESS_TRAFFIC_ALL" # public; X-API-Key on every /api route, or IAP when enable_iap
      cpu         = "1"
      memory      = "1Gi"
      min         = var.api_min_instances
      max         = 20
      concurrency = 80
      timeout     = "900s" # GET /api/provision/status/{id}/events streams until the job ends
      env = merge(local.custom_task_env, {
        PLATFORM_API_PORT = "8080"
        # The local outbox and task dispatchers are for local mode only; Pub/Sub and Cloud Tasks deliver here.
        PLATFORM_QUEUE_QUICK_DISPATCHER_ENABLED  = "false"
        PLATFORM_QUEUE_CUSTOM_DISPATCHER_ENABLED = "false"
      })
    }
    quick = {
      image       = var.images.quick
      sa          = google_service_account.runtime["quick"].email
      ingress     = var.worker_ingress
      cpu         = "2"
      memory      = "4Gi"
      min         = 0
      max         = 10
      concurrency = 10
      timeout     = "300s" # above the push ack deadline, so Pub/Sub gives up first and redelivers
      env         = merge(local.worker_env.quick, local.custom_task_env, { PLATFORM_QUICK_PORT = "8080" })
    }
    custom = {
      image       = var.images.custom
      sa          = google_service_account.runtime["custom"].email
      ingress     = var.worker_ingress
      cpu         = "4"
      memory      = "8Gi"
      min         = 0
      max         = local.custom_max_instances
      concurrency = 4
      timeout     = "1800s" # Cloud Tasks' largest dispatch deadline; the per-task deadline (run budget + 300 s) binds first
      env = merge(local.worker_env.custom, local.custom_task_env, {
        PLATFORM_CUSTOM_PORT         = "8080"
        PLATFORM_READINESS_INSTANCES = tostring(local.custom_max_instances)
        # The design stages' Gemini model; custom-provisioner stops at start when Vertex AI does not serve it.
        PLATFORM_GCP_LLM_MODEL = var.designer_model
      })
    }
    lifecycle = {
      image       = var.images.lifecycle
      sa          = google_service_account.runtime["lifecycle"].email
      ingress     = var.worker_ingress
      cpu         = "1"
      memory      = "1Gi"
      min         = 0
      max         = 2
      concurrency = 10
      timeout     = "900s"
      # Cloud Scheduler (scheduler.tf) calls /api/admin/*; the in-process crons stay off.
      env = merge(local.worker_env.lifecycle, {
        PLATFORM_LIFECYCLE_PORT         = "8080"
        PLATFORM_LIFECYCLE_CRON_ENABLED = "false"
      })
    }
  }
}

resource "google_artifact_registry_repository" "images" {
  count = var.create_artifact_registry ? 1 : 0

  project       = var.project_id
  location      = var.region
  repository_id = "capi"
  format        = "DOCKER"
  description   = "CAPI Demo Platform service images"

  depends_on = [google_project_service.enabled]
}

resource "google_cloud_run_v2_service" "service" {
  # google-beta for iap_enabled (beta in provider 6.x); the same provider serves all four for one code path.
  provider = google-beta
  for_each = local.services

  project             = var.project_id
  name                = var.service_names[each.key]
  location            = var.region
  ingress             = each.value.ingress
  deletion_protection = var.deletion_protection
  iap_enabled         = each.key == "api" && var.enable_iap

  template {
    service_account                  = each.value.sa
    timeout                          = each.value.timeout
    max_instance_request_concurrency = each.value.concurrency

    scaling {
      min_instance_count = each.value.min
      max_instance_count = each.value.max
    }

    containers {
      image = each.value.image

      ports {
        container_port = 8080 # every service is told to listen on 8080 (PLATFORM_*_PORT below)
      }

      resources {
        limits = {
          cpu    = each.value.cpu
          memory = each.value.memory
        }
        cpu_idle          = true # CPU only during requests: all work runs inside a push, task or cron request
        startup_cpu_boost = true # JVM start
      }

      dynamic "env" {
        for_each = merge(local.common_env, each.value.env, var.extra_env)
        content {
          name  = env.key
          value = env.value
        }
      }

      # Every service checks X-Admin-Token (onboarding, setup, manual lifecycle runs, ops endpoints); in gcp mode
      # the token comes from Secret Manager (secrets.tf), never from the plan's plain environment.
      env {
        name = "PLATFORM_ADMIN_TOKEN"
        value_source {
          secret_key_ref {
            secret  = google_secret_manager_secret.admin_token.secret_id
            version = "latest"
          }
        }
      }

      startup_probe {
        period_seconds    = 5
        timeout_seconds   = 3
        failure_threshold = 24 # 2 minutes: quick-provisioner may materialize templates on first start
        http_get {
          path = "/q/health/live"
        }
      }

      liveness_probe {
        period_seconds    = 30
        timeout_seconds   = 5
        failure_threshold = 3
        http_get {
          path = "/q/health/live"
        }
      }
    }
  }

  traffic {
    type    = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST"
    percent = 100
  }

  lifecycle {
    # Set by gcloud when someone deploys a revision by hand; not ours to fight over.
    ignore_changes = [client, client_version]
  }

  depends_on = [
    google_project_service.enabled,
    # The runtime accounts hold their grants before the first revision starts.
    google_project_iam_member.runtime,
    google_kms_crypto_key_iam_member.api_encrypter,
    google_secret_manager_secret_iam_member.admin_token,
    google_secret_manager_secret_version.admin_token,
  ]
}

# ---------------------------------------------------------------------------------------------------------------
# Who may invoke what (run.invoker is the only way in; the workers check the token's audience and email again).
# ---------------------------------------------------------------------------------------------------------------

# api-service without IAP: public at the network and IAM level; the app authenticates every /api call itself.
resource "google_cloud_run_v2_service_iam_member" "api_public" {
  count = var.enable_iap ? 0 : 1

  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.service["api"].name
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# api-service with IAP: only the IAP service agent invokes it, after IAP has checked the user.
resource "google_cloud_run_v2_service_iam_member" "api_iap_agent" {
  count = var.enable_iap ? 1 : 0

  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.service["api"].name
  role     = "roles/run.invoker"
  member   = local.iap_service_agent

  depends_on = [google_project_service_identity.iap]
}

resource "google_iap_web_cloud_run_service_iam_member" "api_users" {
  provider = google-beta
  for_each = var.enable_iap ? toset(var.iap_members) : toset([])

  project                = var.project_id
  location               = var.region
  cloud_run_service_name = google_cloud_run_v2_service.service["api"].name
  role                   = "roles/iap.httpsResourceAccessor"
  member                 = each.value
}

# Each worker: exactly one invoker, the account its trigger signs tokens as.
resource "google_cloud_run_v2_service_iam_member" "quick_push_invoker" {
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.service["quick"].name
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.push_invoker.email}"
}

resource "google_cloud_run_v2_service_iam_member" "custom_tasks_invoker" {
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.service["custom"].name
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.tasks_invoker.email}"
}

resource "google_cloud_run_v2_service_iam_member" "lifecycle_scheduler_invoker" {
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.service["lifecycle"].name
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.scheduler_invoker.email}"
}
