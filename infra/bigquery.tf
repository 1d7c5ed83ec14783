# BigQuery: nothing per demo or per tenant here. The app creates those datasets at run time:
#   demo datasets      quick-provisioner / custom-provisioner, one per demo, dropped by lifecycle-service
#   tenant datasets    `{tenant_id}` with pipeline_runs, step_logs, dq_results, created by api-service onboarding
#   temp datasets      dropped by lifecycle-service after 24 h
# all in var.bigquery_location (PLATFORM_WAREHOUSE_LOCATION).
#
# Template datasets: a quick provision copies each template table zero-copy (CREATE OR REPLACE TABLE ... CLONE) from
# dataset `tmpl_{template_id}` of this project when it holds the table, and falls back to a parquet load job from
# gs://{prefix}templates/{template_id}/{table}.parquet otherwise. The app never creates tmpl_* datasets. Listing a
# template id in var.template_dataset_ids creates its empty dataset here; fill it once per template version, e.g.
#   bq load --source_format=PARQUET tmpl_shopify.orders gs://PREFIXtemplates/shopify/orders.parquet
# (quick-provisioner reads these through its project-level bigquery.dataEditor grant; see iam.tf).

resource "google_bigquery_dataset" "template" {
  for_each = toset(var.template_dataset_ids)

  project     = var.project_id
  dataset_id  = "tmpl_${replace(each.value, "/[^A-Za-z0-9_]/", "_")}" # same rule as BigQueryWarehouse.templateTable
  location    = var.bigquery_location
  description = "Template ${each.value}: source tables that quick provisions clone zero-copy"

  # Emptying a template dataset only makes provisions fall back to parquet loads, but keep it deliberate.
  delete_contents_on_destroy = false

  depends_on = [google_project_service.enabled]
}
