/**
 * custom-provisioner: runs YAML pipelines (the 7-stage custom demo and tenants' templated pipelines)
 * dispatched by Cloud Tasks or the local task queue. Its endpoints arrive with the custom-provisioning
 * issue; today the service starts, reports health on /q/health and serves its OpenAPI document.
 */
package com.capidemo.custom;
