-- When the local task dispatcher first deferred a task because its worker answered 503/429 with Retry-After (epoch
-- millis; null while never deferred). Deferrals do not use up attempts; this bounds how long they may go on.
ALTER TABLE tasks ADD COLUMN deferred_since INTEGER;
