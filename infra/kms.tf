# The Crypto port in gcp mode (KmsCrypto): tenant API keys and stored credentials are encrypted directly by Cloud
# KMS with the context as additional authenticated data; key material never leaves KMS.

resource "google_kms_key_ring" "capi" {
  project  = var.project_id
  name     = var.kms_key_ring_name
  location = var.region

  depends_on = [google_project_service.enabled]
}

resource "google_kms_crypto_key" "secrets" {
  name            = var.kms_key_name
  key_ring        = google_kms_key_ring.capi.id
  purpose         = "ENCRYPT_DECRYPT"
  rotation_period = var.kms_rotation_period # new primary version every 90 days; older versions still decrypt

  lifecycle {
    # Destroying the key makes every stored API key ciphertext unreadable.
    prevent_destroy = true
  }
}
