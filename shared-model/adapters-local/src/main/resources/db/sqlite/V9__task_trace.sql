-- The enqueuing request's W3C traceparent, sent with the task as its traceparent header (as a Cloud Tasks task carries
-- it), so the custom-provisioner's run joins the trace of the request that asked for it.
ALTER TABLE tasks ADD COLUMN traceparent TEXT;
