-- Raised by every write that can change a day a report may have cached (commits, Admin API rows, telemetry day rows
-- written other than by live ingest), in the writer's transaction: servers' report caches drop what they hold when it moves.
ALTER TABLE orgs ADD COLUMN data_version BIGINT DEFAULT 0 NOT NULL;
