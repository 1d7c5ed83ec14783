# Service accounts and least-privilege grants, one account per service. Rule: bind on the resource
# whenever the resource exists before the app runs (topic, queue, key, bucket, service account); bind on the project
# only where the resources are created at run time (demo datasets, data agents) or the service has no finer IAM
# (Firestore). Each grant says why. Secret Manager is not used: secrets are KMS-encrypted in Firestore.

# ---------------------------------------------------------------------------------------------------------------
# Identities
# ---------------------------------------------------------------------------------------------------------------

locals {
  runtime_accounts = {
    api       = { id = "capi-api", name = "CAPI api-service" }
    quick     = { id = "capi-quick", name = "CAPI quick-provisioner" }
    custom    = { id = "capi-custom", name = "CAPI custom-provisioner" }
    lifecycle = { id = "capi-lifecycle", name = "CAPI lifecycle-service" }
  }
}

# What each service runs as.
resource "google_service_account" "runtime" {
  for_each = local.runtime_accounts

  project      = var.project_id
  account_id   = each.value.id
  display_name = each.value.name
  description  = "Runtime identity of ${var.service_names[each.key]}"

  depends_on = [google_project_service.enabled]
}

# What each trigger signs its OIDC tokens as. Separate from the runtimes so that a worker trusts exactly one caller
# and holding one invoker never opens another worker.
resource "google_service_account" "push_invoker" {
  project      = var.project_id
  account_id   = "capi-push-invoker"
  display_name = "CAPI Pub/Sub push invoker"
  description  = "Signs the provision-jobs push subscription's OIDC tokens; may invoke quick-provisioner only"

  depends_on = [google_project_service.enabled]
}

resource "google_service_account" "tasks_invoker" {
  project      = var.project_id
  account_id   = "capi-tasks-invoker"
  display_name = "CAPI Cloud Tasks invoker"
  description  = "Signs custom-provision tasks' OIDC tokens; may invoke custom-provisioner only"

  depends_on = [google_project_service.enabled]
}

resource "google_service_account" "scheduler_invoker" {
  project      = var.project_id
  account_id   = "capi-scheduler-invoker"
  display_name = "CAPI Cloud Scheduler invoker"
  description  = "Signs the lifecycle jobs' OIDC tokens; may invoke lifecycle-service only"

  depends_on = [google_project_service.enabled]
}

# ---------------------------------------------------------------------------------------------------------------
# Project-level grants (no narrower resource exists when terraform runs, or the service has no finer IAM)
# ---------------------------------------------------------------------------------------------------------------

locals {
  project_grants = {
    api = {
      # Jobs, demos, tenants, api_keys, users, conversations. Firestore IAM is project-wide (datastore.user is
      # document read/write only: no index or database admin).
      "roles/datastore.user" = "Firestore documents"
      # Onboarding creates the tenant dataset and its tables (BigQuery makes the creator OWNER of that dataset, so
      # no project-wide write is needed) and runs the dry-run query; chat runs query jobs. bigquery.user =
      # jobUser + datasets.create, the narrowest predefined role that covers both.
      "roles/bigquery.user" = "query jobs + tenant dataset creation at onboarding"
      # Chat: Conversational Analytics runs the agent's SQL with the caller's credentials over any demo dataset,
      # and demo datasets are created at run time by the workers.
      "roles/bigquery.dataViewer" = "read demo datasets for chat"
      # Chat through a demo's published agent and read its definition; agents are created at run time.
      "roles/geminidataanalytics.dataAgentUser" = "chat with data agents"
      # DELETE /api/demos/{id} drops the demo's dataset and deletes its data agent (DemoDeletion); both were created
      # at run time by the workers. Exactly those permissions, not dataOwner / dataAgentOwner.
      # (The key is spelled out, not the role's id attribute: for_each keys must be known when planning.)
      ("projects/${var.project_id}/roles/capiDemoDeleter") = "delete a demo's dataset and data agent"
      # Talk-track edits update the published context (instruction, example queries) of a demo's data agent, which
      # a worker created: exactly dataAgents.update (+ the operation it waits on), not dataAgentOwner.
      ("projects/${var.project_id}/roles/capiTalkTrackEditor") = "update a data agent's published context"
    }
    quick = {
      "roles/datastore.user" = "claim jobs, lease, progress, queue readiness jobs"
      # Creates one dataset per demo, clones or loads template tables into it, reads tmpl_* datasets.
      # dataEditor at project level includes bigquery.datasets.create; datasets do not exist before the job.
      "roles/bigquery.dataEditor" = "create demo datasets and tables"
      "roles/bigquery.jobUser"    = "clone, load and row-count verification jobs"
      # Creates the demo's data agent (the creator becomes the agent's owner).
      "roles/geminidataanalytics.dataAgentCreator" = "create data agents"
      # A clone reads its source demo's agent (golden queries, instruction). Readiness is scored by custom-provisioner.
      "roles/geminidataanalytics.dataAgentUser" = "read data agents (clone)"
    }
    custom = {
      "roles/datastore.user" = "jobs, demos, tenants, step checkpoints"
      # Custom demos create their dataset; tenant pipelines write into tenant datasets api-service created.
      "roles/bigquery.dataEditor" = "create/write demo and tenant datasets"
      "roles/bigquery.jobUser"    = "load, CREATE TABLE AS, dq_check queries"
      # Vertex AI Gemini for the 7-stage custom demo pipeline.
      "roles/aiplatform.user"                      = "Gemini calls"
      "roles/geminidataanalytics.dataAgentCreator" = "create data agents"
      # Readiness jobs (POST /tasks/readiness) read each demo's agent and ask it every golden question.
      "roles/geminidataanalytics.dataAgentUser" = "read and chat with data agents (readiness jobs)"
    }
    lifecycle = {
      "roles/datastore.user" = "scan and update demos; notifications and lifecycle_runs documents"
      # Drops demo datasets after 180 days and temp datasets after 24 h: bigquery.datasets.delete is only in
      # dataOwner (or admin). The datasets were created by other accounts, so this must be project-wide.
      "roles/bigquery.dataOwner" = "drop demo and temp datasets"
      # Deletes the data agents of deleted demos, which the workers created: dataAgents.delete is owner-only.
      "roles/geminidataanalytics.dataAgentOwner" = "delete data agents"
    }
  }

  project_grant_list = flatten([
    for svc, roles in local.project_grants : [
      for role, why in roles : { svc = svc, role = role }
    ]
  ])
}

# What deleting one demo needs and nothing more: BigQuery drops a dataset with its tables (deleteContents) only with
# both delete permissions, and the data agent's delete is the agent owner's. Granted to api-service, which deletes a
# demo when its owner asks; lifecycle-service deletes long-archived demos with its broader dataOwner / dataAgentOwner
# grants, which it needs for temp datasets too.
resource "google_project_iam_custom_role" "demo_deleter" {
  project     = var.project_id
  role_id     = "capiDemoDeleter"
  title       = "CAPI demo deleter"
  description = "Drop a demo's BigQuery dataset with its tables and delete its Conversational Analytics data agent"
  permissions = [
    "bigquery.datasets.delete",
    "bigquery.tables.delete",
    "geminidataanalytics.dataAgents.delete",
    "geminidataanalytics.operations.get", # deleteDataAgent is a long-running operation the caller waits on
  ]
}

# What a talk-track edit needs and nothing more: one UpdateDataAgent on the demo's agent (a long-running operation the
# caller waits on). dataAgentOwner would also grant delete and IAM changes on every agent of the project.
resource "google_project_iam_custom_role" "talk_track_editor" {
  project     = var.project_id
  role_id     = "capiTalkTrackEditor"
  title       = "CAPI talk-track editor"
  description = "Update the published context (system instruction, example queries) of a Conversational Analytics data agent"
  permissions = [
    "geminidataanalytics.dataAgents.update",
    "geminidataanalytics.operations.get",
  ]
}

resource "google_project_iam_member" "runtime" {
  for_each = { for g in local.project_grant_list : "${g.svc}:${g.role}" => g }

  project = var.project_id
  role    = each.value.role
  member  = "serviceAccount:${google_service_account.runtime[each.value.svc].email}"

  depends_on = [google_project_iam_custom_role.demo_deleter, google_project_iam_custom_role.talk_track_editor]
}

# ---------------------------------------------------------------------------------------------------------------
# api-service: resource-level grants
# ---------------------------------------------------------------------------------------------------------------

# Publish quick jobs to provision-jobs and nothing else.
resource "google_pubsub_topic_iam_member" "api_publishes_jobs" {
  project = var.project_id
  topic   = google_pubsub_topic.provision_jobs.name
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${google_service_account.runtime["api"].email}"
}

# Create tasks in custom-provision and nothing else.
resource "google_cloud_tasks_queue_iam_member" "api_enqueues_custom" {
  project  = var.project_id
  location = google_cloud_tasks_queue.custom_provision.location
  name     = google_cloud_tasks_queue.custom_provision.name
  role     = "roles/cloudtasks.enqueuer"
  member   = "serviceAccount:${google_service_account.runtime["api"].email}"
}

# A task carrying an OIDC token for an account needs iam.serviceAccounts.actAs on that account from whoever creates
# the task. Granted on the tasks invoker only, so api-service cannot act as any other account.
resource "google_service_account_iam_member" "api_acts_as_tasks_invoker" {
  service_account_id = google_service_account.tasks_invoker.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.runtime["api"].email}"
}

# ---------------------------------------------------------------------------------------------------------------
# quick-provisioner and custom-provisioner: readiness jobs
# ---------------------------------------------------------------------------------------------------------------

# The demo finisher queues each finished demo's readiness job as a task on custom-provision (to
# custom-provisioner's /tasks/readiness, signed as the tasks invoker): create tasks there, and act as that one account.
resource "google_cloud_tasks_queue_iam_member" "quick_enqueues_readiness" {
  project  = var.project_id
  location = google_cloud_tasks_queue.custom_provision.location
  name     = google_cloud_tasks_queue.custom_provision.name
  role     = "roles/cloudtasks.enqueuer"
  member   = "serviceAccount:${google_service_account.runtime["quick"].email}"
}

resource "google_service_account_iam_member" "quick_acts_as_tasks_invoker" {
  service_account_id = google_service_account.tasks_invoker.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.runtime["quick"].email}"
}

resource "google_cloud_tasks_queue_iam_member" "custom_enqueues_readiness" {
  project  = var.project_id
  location = google_cloud_tasks_queue.custom_provision.location
  name     = google_cloud_tasks_queue.custom_provision.name
  role     = "roles/cloudtasks.enqueuer"
  member   = "serviceAccount:${google_service_account.runtime["custom"].email}"
}

resource "google_service_account_iam_member" "custom_acts_as_tasks_invoker" {
  service_account_id = google_service_account.tasks_invoker.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.runtime["custom"].email}"
}

# Encrypt API keys at onboarding, decrypt them when shown/rotated. On the one key, not the key ring.
resource "google_kms_crypto_key_iam_member" "api_encrypter" {
  crypto_key_id = google_kms_crypto_key.secrets.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = "serviceAccount:${google_service_account.runtime["api"].email}"
}

# ---------------------------------------------------------------------------------------------------------------
# quick-provisioner: resource-level grants
# ---------------------------------------------------------------------------------------------------------------

# Templates bucket: the worker materializes template parquet + manifest on start and rewrites a changed template's
# manifest (objectUser: read, create, overwrite; no bucket or IAM admin). Read-only when CI publishes templates.
# BigQuery parquet load jobs read the objects with this account's credentials too.
resource "google_storage_bucket_iam_member" "quick_templates" {
  bucket = google_storage_bucket.bucket["templates"].name
  role   = var.quick_publishes_templates ? "roles/storage.objectUser" : "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.runtime["quick"].email}"
}

# ---------------------------------------------------------------------------------------------------------------
# custom-provisioner: resource-level grants
# ---------------------------------------------------------------------------------------------------------------

# Reads template parquet (demos built from templates, schema references); never writes there.
resource "google_storage_bucket_iam_member" "custom_templates_viewer" {
  bucket = google_storage_bucket.bucket["templates"].name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.runtime["custom"].email}"
}

# Writes, rewrites on retry and cleans up the generated demo parquet.
resource "google_storage_bucket_iam_member" "custom_artifacts_admin" {
  bucket = google_storage_bucket.bucket["artifacts"].name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.runtime["custom"].email}"
}

# load_object steps upload a sample from configs/ when it is missing (create only, never overwrite or delete)...
resource "google_storage_bucket_iam_member" "custom_samples_creator" {
  bucket = google_storage_bucket.bucket["samples"].name
  role   = "roles/storage.objectCreator"
  member = "serviceAccount:${google_service_account.runtime["custom"].email}"
}

# ...and then read it (existence check and the BigQuery load job).
resource "google_storage_bucket_iam_member" "custom_samples_viewer" {
  bucket = google_storage_bucket.bucket["samples"].name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.runtime["custom"].email}"
}

# ---------------------------------------------------------------------------------------------------------------
# lifecycle-service: resource-level grants
# ---------------------------------------------------------------------------------------------------------------

# Publish expiry warnings on demo-notifications and nothing else.
resource "google_pubsub_topic_iam_member" "lifecycle_publishes_notifications" {
  project = var.project_id
  topic   = google_pubsub_topic.demo_notifications.name
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${google_service_account.runtime["lifecycle"].email}"
}

# Cloud Scheduler mints the jobs' OIDC tokens as the scheduler invoker through its service agent. Granted on that one
# account (projects whose agent lacks the project-wide Cloud Scheduler Service Agent role need it).
resource "google_service_account_iam_member" "scheduler_agent_token_creator" {
  service_account_id = google_service_account.scheduler_invoker.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.scheduler_service_agent

  depends_on = [google_project_service_identity.scheduler]
}

# Both workers announce every finished job (quick, clone, custom demos and pipeline runs) on provision-events only.
resource "google_pubsub_topic_iam_member" "custom_publishes_events" {
  project = var.project_id
  topic   = google_pubsub_topic.provision_events.name
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${google_service_account.runtime["custom"].email}"
}

resource "google_pubsub_topic_iam_member" "quick_publishes_events" {
  project = var.project_id
  topic   = google_pubsub_topic.provision_events.name
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${google_service_account.runtime["quick"].email}"
}
