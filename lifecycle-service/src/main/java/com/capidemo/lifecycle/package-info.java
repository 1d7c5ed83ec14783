/**
 * lifecycle-service: archival, deletion, expiry warnings, temp cleanup and metrics export, called by
 * Cloud Scheduler or the local cron. Its endpoints arrive with the lifecycle issue; today the service
 * starts, reports health on /q/health and serves its OpenAPI document.
 */
package com.capidemo.lifecycle;
