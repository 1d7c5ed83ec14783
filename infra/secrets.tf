# The admin bootstrap token (X-Admin-Token) every service reads as PLATFORM_ADMIN_TOKEN. Locally the platform
# generates one; in gcp mode it is this secret, readable only by the four runtime service accounts.

resource "google_secret_manager_secret" "admin_token" {
  project   = var.project_id
  secret_id = var.admin_token_secret_id
  labels    = var.labels

  replication {
    auto {}
  }

  depends_on = [google_project_service.enabled]
}

resource "google_secret_manager_secret_version" "admin_token" {
  secret      = google_secret_manager_secret.admin_token.id
  secret_data = var.admin_token
}

resource "google_secret_manager_secret_iam_member" "admin_token" {
  for_each = google_service_account.runtime

  project   = var.project_id
  secret_id = google_secret_manager_secret.admin_token.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${each.value.email}"
}
