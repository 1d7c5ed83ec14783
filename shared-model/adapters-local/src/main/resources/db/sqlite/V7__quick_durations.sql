-- The measured time of a template's quick provisions (the template cards' "Ready in"): the most recent completed
-- quick jobs of a template are one range of this partial index, whatever the number of other jobs.
CREATE INDEX jobs_quick_completed ON jobs(json_extract(payload, '$.template_id'), completed_at DESC)
  WHERE type = 'quick' AND status = 'completed';
