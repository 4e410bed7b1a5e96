-- Raised by every write that can change a day a report may have cached, in the writer's transaction, one counter per
-- kind of row: commits (import, relinking, forgetting, a new repository), Admin API rows (a day replaced, a removal),
-- telemetry day rows written other than by live ingest (a removal). Servers' report caches drop that kind when it moves.
ALTER TABLE orgs ADD COLUMN git_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE orgs ADD COLUMN admin_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE orgs ADD COLUMN telemetry_version BIGINT DEFAULT 0 NOT NULL;
