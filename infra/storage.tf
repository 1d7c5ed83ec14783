# Buckets behind the ObjectStore port. The app names buckets logically (templates, artifacts, samples) and
# GcsBuckets resolves logical `x` to `{prefix}x`, so PLATFORM_OBJECTS_BUCKET_PREFIX is the only setting it needs.
#   templates  templates/{template_id}/{table}.parquet + _manifest.json, written by quick-provisioner on start
#   artifacts  custom demo parquet written by the 7-stage pipeline before it is loaded into BigQuery
#   samples    sample files tenant pipelines load (e.g. gcp/cost/billing_export_sample.csv), seeded on first use

locals {
  buckets = {
    templates = { retention_days = 0 }
    artifacts = { retention_days = var.artifacts_retention_days }
    samples   = { retention_days = 0 }
  }
}

resource "google_storage_bucket" "bucket" {
  for_each = local.buckets

  project                     = var.project_id
  name                        = "${local.bucket_prefix}${each.key}"
  location                    = var.storage_location
  uniform_bucket_level_access = true       # IAM only, no object ACLs
  public_access_prevention    = "enforced" # nothing here is ever public
  force_destroy               = var.force_destroy_buckets

  dynamic "lifecycle_rule" {
    for_each = each.value.retention_days > 0 ? [each.value.retention_days] : []
    content {
      condition {
        age = lifecycle_rule.value
      }
      action {
        type = "Delete"
      }
    }
  }

  depends_on = [google_project_service.enabled]
}
