# Providers and shared lookups. Everything else is one file per concern (see README.md).

terraform {
  required_version = ">= 1.5"

  required_providers {
    # Pinned exactly: no .terraform.lock.hcl is committed (it is written by `terraform init`, which needs the
    # registry), so the version constraint is what keeps every apply on the same provider.
    google = {
      source  = "hashicorp/google"
      version = "6.50.0"
    }
    # Only for what the GA provider 6.x does not have yet: iap_enabled on Cloud Run v2 services, the IAP
    # per-service IAM resource and google_project_service_identity (creates Google service agents up front).
    google-beta = {
      source  = "hashicorp/google-beta"
      version = "6.50.0"
    }
  }

  # Keep the state in a bucket for anything shared (create the bucket once, by hand):
  # backend "gcs" {
  #   bucket = "my-project-tfstate"
  #   prefix = "capi-demo"
  # }
}

provider "google" {
  project        = var.project_id
  region         = var.region
  default_labels = var.labels
}

provider "google-beta" {
  project        = var.project_id
  region         = var.region
  default_labels = var.labels
}

# The project number names Google's service agents and Cloud Run's deterministic service URLs.
data "google_project" "this" {
  project_id = var.project_id
}

locals {
  project_number = data.google_project.this.number

  # Cloud Run's deterministic URL, https://{service}-{project number}.{region}.run.app, is known before the service
  # exists. Workers use it as the OIDC audience they expect, and the push subscription, the task creator and the
  # scheduler jobs use the same string, so nothing depends on a service's own output (which would be a cycle).
  # Cloud Run accepts ID tokens for either of a service's URLs.
  service_urls = {
    for key, name in var.service_names : key => "https://${name}-${local.project_number}.${var.region}.run.app"
  }

  # Google-managed service agents that need grants of their own.
  pubsub_service_agent    = "serviceAccount:service-${local.project_number}@gcp-sa-pubsub.iam.gserviceaccount.com"
  scheduler_service_agent = "serviceAccount:service-${local.project_number}@gcp-sa-cloudscheduler.iam.gserviceaccount.com"
  iap_service_agent       = "serviceAccount:service-${local.project_number}@gcp-sa-iap.iam.gserviceaccount.com"
}
