-- The rollout tracker's last Admin API day per actor and last commit per author, read from these
-- indexes alone (no row lookups): without them both aggregates read every row of the organization.
CREATE INDEX anthropic_activity_actor ON anthropic_activity (org_id, actor_type, actor, usage_day);
CREATE INDEX commits_author ON commits (org_id, author_email, is_merge, author_time);
