# Inputs. Only project_id and images have no default; see terraform.tfvars.example.

variable "project_id" {
  description = "Google Cloud project that hosts the platform."
  type        = string
}

variable "region" {
  description = "Region of Cloud Run, Cloud Tasks, Cloud Scheduler, the KMS key ring and the Artifact Registry repository."
  type        = string
  default     = "us-central1"
}

variable "labels" {
  description = "Labels put on every resource that takes labels (provider default_labels)."
  type        = map(string)
  default = {
    app        = "capi-demo"
    managed-by = "terraform"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Cloud Run
# ---------------------------------------------------------------------------------------------------------------

variable "images" {
  description = "Container image of each service, e.g. us-central1-docker.pkg.dev/PROJECT/capi/api-service:1.0 (build with docker/Dockerfile.jvm)."
  type = object({
    api       = string
    quick     = string
    custom    = string
    lifecycle = string
  })
}

variable "service_names" {
  description = "Cloud Run service names. Short enough that the deterministic URL {name}-{project number}.{region}.run.app exists."
  type = object({
    api       = string
    quick     = string
    custom    = string
    lifecycle = string
  })
  default = {
    api       = "api-service"
    quick     = "quick-provisioner"
    custom    = "custom-provisioner"
    lifecycle = "lifecycle-service"
  }

  validation {
    condition     = alltrue([for n in values(var.service_names) : can(regex("^[a-z][a-z0-9-]{0,38}[a-z0-9]$", n))])
    error_message = "Service names are lower-case letters, digits and hyphens, at most 40 characters."
  }
}

variable "worker_ingress" {
  description = "Ingress of the three workers. INGRESS_TRAFFIC_INTERNAL_ONLY admits Pub/Sub push, Cloud Tasks and Cloud Scheduler of the same project and nothing from the internet."
  type        = string
  default     = "INGRESS_TRAFFIC_INTERNAL_ONLY"

  validation {
    condition     = contains(["INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER", "INGRESS_TRAFFIC_ALL"], var.worker_ingress)
    error_message = "worker_ingress must be INGRESS_TRAFFIC_INTERNAL_ONLY, INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER or INGRESS_TRAFFIC_ALL."
  }
}

variable "api_min_instances" {
  description = "Minimum api-service instances (1 keeps the first request of the day warm)."
  type        = number
  default     = 0
}

variable "enable_iap" {
  description = "Put api-service behind Identity-Aware Proxy (Cloud Run's built-in IAP; the project must belong to an organization). When false, api-service is public and every /api route authenticates with X-API-Key."
  type        = bool
  default     = false
}

variable "iap_members" {
  description = "Principals allowed through IAP when enable_iap is true, e.g. [\"group:ces@example.com\", \"user:jane@example.com\"]."
  type        = list(string)
  default     = []
}

variable "deletion_protection" {
  description = "Cloud Run deletion protection (provider default true). Set false before terraform destroy."
  type        = bool
  default     = true
}

variable "extra_env" {
  description = "Extra environment variables for all four services, e.g. per-port overrides while a gcp adapter is not wired yet ({ PLATFORM_WAREHOUSE = \"duckdb\" })."
  type        = map(string)
  default     = {}
}

variable "create_artifact_registry" {
  description = "Create a Docker repository named capi in the region for the service images."
  type        = bool
  default     = true
}

# ---------------------------------------------------------------------------------------------------------------
# Messaging
# ---------------------------------------------------------------------------------------------------------------

variable "quick_topic_name" {
  description = "Topic of quick provision jobs (platform.queue.quick.topic)."
  type        = string
  default     = "provision-jobs"
}

variable "quick_subscription_name" {
  description = "Push subscription that delivers quick jobs to quick-provisioner (platform.queue.quick.subscription)."
  type        = string
  default     = "provision-jobs-push"
}

variable "quick_ack_deadline_seconds" {
  description = "Push ack deadline: no 2xx by then counts as a failed delivery (platform.queue.quick.ack-deadline)."
  type        = number
  default     = 120
}

variable "quick_min_backoff" {
  description = "Redelivery backoff minimum (platform.queue.quick.min-backoff)."
  type        = string
  default     = "10s"
}

variable "quick_max_backoff" {
  description = "Redelivery backoff maximum (platform.queue.quick.max-backoff)."
  type        = string
  default     = "600s"
}

variable "quick_max_delivery_attempts" {
  description = "Deliveries before a message is dead-lettered (platform.queue.quick.max-delivery-attempts); Pub/Sub allows 5 to 100."
  type        = number
  default     = 5

  validation {
    condition     = var.quick_max_delivery_attempts >= 5 && var.quick_max_delivery_attempts <= 100
    error_message = "Pub/Sub accepts max_delivery_attempts from 5 to 100."
  }
}

variable "events_topic_name" {
  description = "Topic both workers announce every finished job on (EventPublisher.PROVISION_EVENTS)."
  type        = string
  default     = "provision-events"
}

variable "notifications_topic_name" {
  description = "Topic lifecycle-service publishes expiry warnings on (EventPublisher.DEMO_NOTIFICATIONS), for an email sender."
  type        = string
  default     = "demo-notifications"
}

variable "custom_queue_name" {
  description = "Cloud Tasks queue of custom jobs (platform.queue.custom.name). A deleted queue name cannot be reused for about 7 days."
  type        = string
  default     = "custom-provision"
}

variable "custom_run_budget_seconds" {
  description = <<-EOT
    The longest a custom job may run inside its Cloud Tasks request: the 7-stage custom demo pipeline is planned at up
    to 10 minutes, tenants' pipelines less. Cloud Tasks' dispatch deadline (platform.queue.custom.dispatch-deadline,
    set per task by api-service) is this plus 5 minutes of slack, so an attempt still running is never re-dispatched;
    Cloud Tasks allows at most 1800 s, which is also custom-provisioner's Cloud Run request timeout.
  EOT
  type        = number
  default     = 1200

  validation {
    condition     = var.custom_run_budget_seconds >= 60 && var.custom_run_budget_seconds + 300 <= 1800
    error_message = "custom_run_budget_seconds must be 60..1500: the dispatch deadline (budget + 300 s) is at most 1800 s."
  }
}

# ---------------------------------------------------------------------------------------------------------------
# Lifecycle (Cloud Scheduler)
# ---------------------------------------------------------------------------------------------------------------

variable "scheduler_time_zone" {
  description = "Time zone of the scheduler cron expressions."
  type        = string
  default     = "Etc/UTC"
}

variable "cleanup_schedule" {
  description = "Cron of POST /api/admin/cleanup (archive, delete, temp datasets); daily 2 am."
  type        = string
  default     = "0 2 * * *"
}

variable "warnings_schedule" {
  description = "Cron of POST /api/admin/send-warnings; daily 9 am."
  type        = string
  default     = "0 9 * * *"
}

variable "metrics_schedule" {
  description = "Cron of POST /api/admin/export-metrics (the daily metrics export); midnight."
  type        = string
  default     = "0 0 * * *"
}

# ---------------------------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------------------------

variable "firestore_location" {
  description = "Firestore location (a region such as us-central1 or a multi-region such as nam5). Cannot change after creation."
  type        = string
  default     = "nam5"
}

variable "bigquery_location" {
  description = "Location of the datasets the app creates and of its jobs (template datasets here too). A non-US/EU dataset location needs the buckets in the same region."
  type        = string
  default     = "US"
}

variable "storage_location" {
  description = "Location of the buckets; must be in or equal to bigquery_location for parquet loads."
  type        = string
  default     = "US"
}

variable "bucket_prefix" {
  description = "Bucket names are {prefix}{logical}: templates, artifacts, samples (GcsBuckets). Empty means \"{project_id}-capi-\"."
  type        = string
  default     = ""
}

variable "force_destroy_buckets" {
  description = "Let terraform destroy delete non-empty buckets."
  type        = bool
  default     = false
}

variable "artifacts_retention_days" {
  description = "Objects in the artifacts bucket (custom demo parquet, already loaded into BigQuery) are deleted after this many days; 0 keeps them."
  type        = number
  default     = 30
}

variable "quick_publishes_templates" {
  description = "quick-provisioner materializes template parquet into the templates bucket on start (TemplateLibrary), so it may write there. Set false when templates are published by CI and the worker should only read them."
  type        = bool
  default     = true
}

variable "template_dataset_ids" {
  description = "Template ids (configs/templates/*.yml) to pre-create an empty tmpl_{id} dataset for. Quick provisions clone tables from tmpl_{id} zero-copy when it holds them and fall back to a parquet load otherwise; the app never creates these datasets."
  type        = list(string)
  default     = []
}

variable "kms_key_ring_name" {
  description = "KMS key ring (key rings cannot be deleted; pick a new name rather than reuse)."
  type        = string
  default     = "capi-demo"
}

variable "kms_key_name" {
  description = "Crypto key that encrypts tenant API keys and stored credentials (Crypto port, KmsCrypto)."
  type        = string
  default     = "capi-secrets"
}

variable "kms_rotation_period" {
  description = "Automatic rotation of the crypto key; old versions stay enabled, so old ciphertexts still decrypt."
  type        = string
  default     = "7776000s" # 90 days
}

variable "capi_location" {
  description = "Location of the Conversational Analytics data agents (CapiConfig.location)."
  type        = string
  default     = "global"
}

variable "designer_model" {
  description = <<-EOT
    Vertex AI Gemini model of the custom demo pipeline's design stages (platform.gcp.llm-model). Must be a model
    Vertex AI serves in var.region: custom-provisioner refuses to start otherwise. The default is listed by Google
    Cloud's "Model versions and lifecycle" page as available with a retirement date of May 2027 or later; check that
    page before a retirement date passes.
  EOT
  type        = string
  default     = "gemini-3.5-flash"
}

variable "admin_token" {
  description = "The admin bootstrap token (X-Admin-Token) of every service, stored in Secret Manager: at least 32 characters, e.g. `openssl rand -hex 24`."
  type        = string
  sensitive   = true
  validation {
    condition     = length(var.admin_token) >= 32
    error_message = "admin_token must be at least 32 characters."
  }
}

variable "admin_token_secret_id" {
  description = "Secret Manager secret holding the admin token."
  type        = string
  default     = "capi-admin-token"
}

# ---------------------------------------------------------------------------------------------------------------
# Monitoring (monitoring.tf)
# ---------------------------------------------------------------------------------------------------------------

variable "notification_channels" {
  description = "Existing Cloud Monitoring notification channel ids (projects/PROJECT/notificationChannels/ID) every alert policy notifies."
  type        = list(string)
  default     = []
}

variable "alert_emails" {
  description = "E-mail addresses that get a notification channel of their own, added to every alert policy."
  type        = list(string)
  default     = []
}

variable "uptime_check_period" {
  description = "How often the uptime check calls the API's health (60s, 300s, 600s or 900s); each check is a request from three regions."
  type        = string
  default     = "300s"

  validation {
    condition     = contains(["60s", "300s", "600s", "900s"], var.uptime_check_period)
    error_message = "Cloud Monitoring uptime checks run every 60s, 300s, 600s or 900s."
  }
}

variable "quota_alert_ratio" {
  description = "Share of a Conversational Analytics API rate quota above which the quota alert fires."
  type        = number
  default     = 0.8
}
