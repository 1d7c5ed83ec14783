# Quick jobs: api-service publishes to provision-jobs; a push subscription POSTs each message to quick-provisioner
# /pubsub/push with a Google-signed OIDC token. No 2xx within the ack deadline = redelivery with exponential backoff;
# after max_delivery_attempts the message goes to provision-jobs-dlq. The local OutboxDispatcher mimics exactly this.

resource "google_pubsub_topic" "provision_jobs" {
  project = var.project_id
  name    = var.quick_topic_name

  depends_on = [google_project_service.enabled]
}

resource "google_pubsub_topic" "provision_jobs_dlq" {
  project = var.project_id
  name    = "${var.quick_topic_name}-dlq"

  depends_on = [google_project_service.enabled]
}

# A topic without a subscription drops what is published to it: this one keeps dead letters for inspection and replay.
resource "google_pubsub_subscription" "provision_jobs_dlq_pull" {
  project = var.project_id
  name    = "${var.quick_topic_name}-dlq-pull"
  topic   = google_pubsub_topic.provision_jobs_dlq.id

  ack_deadline_seconds       = 60
  message_retention_duration = "604800s" # 7 days, the maximum

  expiration_policy {
    ttl = "" # never expires for inactivity
  }
}

# Fails the job of every dead-lettered message (quick-provisioner /pubsub/dead-letter), so it does not stay queued.
resource "google_pubsub_subscription" "provision_jobs_dlq_push" {
  project = var.project_id
  name    = "${var.quick_topic_name}-dlq-push"
  topic   = google_pubsub_topic.provision_jobs_dlq.id

  ack_deadline_seconds       = 60
  message_retention_duration = "604800s"

  expiration_policy {
    ttl = ""
  }

  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }

  push_config {
    push_endpoint = "${local.service_urls.quick}/pubsub/dead-letter"

    oidc_token {
      service_account_email = google_service_account.push_invoker.email
      audience              = local.service_urls.quick
    }
  }

  depends_on = [google_cloud_run_v2_service_iam_member.quick_push_invoker]
}

resource "google_pubsub_subscription" "provision_jobs_push" {
  project = var.project_id
  name    = var.quick_subscription_name
  topic   = google_pubsub_topic.provision_jobs.id

  # For push this is also the HTTP timeout of each delivery (platform.queue.quick.ack-deadline).
  ack_deadline_seconds       = var.quick_ack_deadline_seconds
  message_retention_duration = "604800s"

  expiration_policy {
    ttl = ""
  }

  retry_policy {
    minimum_backoff = var.quick_min_backoff
    maximum_backoff = var.quick_max_backoff
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.provision_jobs_dlq.id
    max_delivery_attempts = var.quick_max_delivery_attempts
  }

  push_config {
    push_endpoint = "${local.service_urls.quick}/pubsub/push"

    # The wrapped push envelope {message{data, attributes, messageId, publishTime}, subscription} is what
    # PushEnvelope parses, so no no_wrapper block.
    oidc_token {
      service_account_email = google_service_account.push_invoker.email
      audience              = local.service_urls.quick # = PLATFORM_WORKER_OIDC_AUDIENCE of quick-provisioner
    }
  }

  depends_on = [
    # Deliveries start at once: the worker must accept them, and dead-lettering must be allowed, from the start.
    google_cloud_run_v2_service_iam_member.quick_push_invoker,
    google_pubsub_topic_iam_member.dlq_pubsub_agent_publisher,
    google_service_account_iam_member.push_invoker_pubsub_agent_token_creator,
  ]
}

# custom-provisioner announces finished work here. Nothing subscribes yet: add a subscription when a consumer exists
# (until then Pub/Sub discards the events, which is harmless: the job document is the source of truth).
resource "google_pubsub_topic" "provision_events" {
  project = var.project_id
  name    = var.events_topic_name

  depends_on = [google_project_service.enabled]
}

# lifecycle-service publishes one message per expiry warning here (attributes kind, tenant_id, demo_id and event_id =
# the notification id to deduplicate by; data = the notification as JSON). The warning is also stored in Firestore
# (notifications/{id}, read at GET /api/notifications), which is the outbox: a failed publish is retried by the next
# send-warnings run.
resource "google_pubsub_topic" "demo_notifications" {
  project = var.project_id
  name    = var.notifications_topic_name

  depends_on = [google_project_service.enabled]
}

# What an email sender pulls from (or re-points to a push endpoint). Keeps a week of warnings, so none are lost before
# the sender exists: a topic without a subscription would drop them.
resource "google_pubsub_subscription" "demo_notifications_email" {
  project = var.project_id
  name    = "${var.notifications_topic_name}-email"
  topic   = google_pubsub_topic.demo_notifications.id

  ack_deadline_seconds       = 60
  message_retention_duration = "604800s"

  expiration_policy {
    ttl = ""
  }
}

# ---------------------------------------------------------------------------------------------------------------
# The Pub/Sub service agent (Google requires these for dead-lettering and, in older projects, for OIDC push).
# ---------------------------------------------------------------------------------------------------------------

# Forward undeliverable messages to the dead-letter topic.
resource "google_pubsub_topic_iam_member" "dlq_pubsub_agent_publisher" {
  project = var.project_id
  topic   = google_pubsub_topic.provision_jobs_dlq.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_service_agent

  depends_on = [google_project_service_identity.pubsub]
}

# Acknowledge the forwarded messages on the source subscription (no grant on the subscription itself is possible
# before it exists, which is why this one is not in the subscription's depends_on).
resource "google_pubsub_subscription_iam_member" "push_pubsub_agent_subscriber" {
  project      = var.project_id
  subscription = google_pubsub_subscription.provision_jobs_push.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_service_agent

  depends_on = [google_project_service_identity.pubsub]
}

# Mint OIDC tokens as the push invoker. Projects created after 8 April 2021 have this implicitly; granting it on
# the one account (not the project) is harmless there and required in older projects.
resource "google_service_account_iam_member" "push_invoker_pubsub_agent_token_creator" {
  service_account_id = google_service_account.push_invoker.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_service_agent

  depends_on = [google_project_service_identity.pubsub]
}
