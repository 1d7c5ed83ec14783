/**
 * lifecycle-service: archival, deletion, expiry warnings, temp cleanup and metrics export, called by Cloud Scheduler
 * (gcp mode) or the local crons through the same services: {@code rest/} the /api/admin endpoints and who may call
 * them, {@code service/} the rules, {@code schedule/} the crons, {@code config/} the settings.
 */
package com.capidemo.lifecycle;
