-- The lifecycle sweep for jobs their queue gave up on reads unfinished jobs by creation time, oldest first.
CREATE INDEX jobs_unfinished_created ON jobs(created_at) WHERE status IN ('queued', 'running');
