# Google APIs the platform calls. Never disabled on destroy: other things in the project may use them.

locals {
  required_apis = concat([
    "run.googleapis.com",                 # the four services
    "pubsub.googleapis.com",              # quick-job topic, push subscription, events
    "cloudtasks.googleapis.com",          # custom-job queue
    "cloudscheduler.googleapis.com",      # lifecycle cron
    "firestore.googleapis.com",           # jobs, demos, tenants, api_keys, users
    "bigquery.googleapis.com",            # demo and tenant datasets, chat queries
    "storage.googleapis.com",             # templates, artifacts, samples buckets
    "cloudkms.googleapis.com",            # API key / credential encryption
    "aiplatform.googleapis.com",          # Vertex AI Gemini for the custom demo pipeline
    "geminidataanalytics.googleapis.com", # Conversational Analytics API: data agents and chat
    "cloudaicompanion.googleapis.com",    # Gemini for Google Cloud: the Conversational Analytics API requires it enabled
    "iam.googleapis.com",                 # service accounts
    "artifactregistry.googleapis.com",    # service images
    "secretmanager.googleapis.com",       # the admin bootstrap token
    ], var.enable_iap ? [
    "iap.googleapis.com", # Cloud Run's built-in IAP in front of api-service
  ] : [])
}

resource "google_project_service" "enabled" {
  for_each = toset(local.required_apis)

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

# Service agents are created lazily by Google; creating them up front keeps the first apply from failing on
# "service account does not exist" when the grants below name them.
resource "google_project_service_identity" "pubsub" {
  provider = google-beta

  project = var.project_id
  service = "pubsub.googleapis.com"

  depends_on = [google_project_service.enabled]
}

resource "google_project_service_identity" "scheduler" {
  provider = google-beta

  project = var.project_id
  service = "cloudscheduler.googleapis.com"

  depends_on = [google_project_service.enabled]
}

resource "google_project_service_identity" "iap" {
  provider = google-beta
  count    = var.enable_iap ? 1 : 0

  project = var.project_id
  service = "iap.googleapis.com"

  depends_on = [google_project_service.enabled]
}
