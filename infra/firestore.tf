# Firestore (native mode): jobs/{job_id}, demos/{demo_id}, golden_query_sets/{sha256}, templates/{template_id},
# demo_shares/{sha256(token)}, tenants/{tenant_id}, api_keys/{sha256}, users/{email}, notifications/{id},
# lifecycle_runs/{run_id}. The app writes every job transition in a transaction.
#
# A project that already has a (default) database (e.g. made with `gcloud firestore databases create`) imports it:
#   terraform import google_firestore_database.default "projects/PROJECT_ID/databases/(default)"

resource "google_firestore_database" "default" {
  project     = var.project_id
  name        = "(default)"
  location_id = var.firestore_location
  type        = "FIRESTORE_NATIVE"

  # Jobs, demos and tenant keys are the platform's only durable record: never deleted by terraform destroy.
  delete_protection_state = "DELETE_PROTECTION_ENABLED"
  deletion_policy         = "ABANDON"

  depends_on = [google_project_service.enabled]
}

# Composite indexes, read from firestore.indexes.json (the file the Firebase CLI and the emulator tests use), so the
# two can never drift. Today: jobs by tenant newest first; the demo list (tenant + any of created_by, status,
# template_id, is_pinned, optionally search_terms array-contains, newest first: FirestoreIndexesTest checks every
# combination is there), the dashboard's demos-this-month count, the unscored sweep, demos by status + last_used,
# lifecycle's paged scans (ready unpinned demos by last_used, archived demos by archived_at), a tenant's API keys, a
# demo's share links, notifications by recipient newest first and undelivered ones oldest first, and the team
# insights' counts (demos per user by origin or opened share, share links per user by creation or first opening,
# chat turns per asker, a collection-group index on "turns"). Firestore appends __name__ itself.
locals {
  firestore_index_file = jsondecode(file("${path.module}/firestore.indexes.json"))

  firestore_indexes = {
    for index in local.firestore_index_file.indexes :
    join("__", concat([index.collectionGroup], [for f in index.fields : "${f.fieldPath}-${lower(lookup(f, "order", lookup(f, "arrayConfig", "")))}"])) => index
  }
}

resource "google_firestore_index" "composite" {
  for_each = local.firestore_indexes

  project     = var.project_id
  database    = google_firestore_database.default.name
  collection  = each.value.collectionGroup
  query_scope = lookup(each.value, "queryScope", "COLLECTION")

  dynamic "fields" {
    for_each = each.value.fields
    content {
      field_path   = fields.value.fieldPath
      order        = lookup(fields.value, "order", null)
      array_config = lookup(fields.value, "arrayConfig", null)
    }
  }
}

# fieldOverrides (single-field index exemptions) would map to google_firestore_field; the file has none.
check "firestore_field_overrides_mirrored" {
  assert {
    condition     = length(lookup(local.firestore_index_file, "fieldOverrides", [])) == 0
    error_message = "firestore.indexes.json has fieldOverrides: add google_firestore_field resources for them in firestore.tf."
  }
}
