-- Counts deletions of the organization's commits (a repository deleted, history force-pushed away), so that an
-- import that read which commits exist before such a deletion notices it and reads them again (CommitStore.add).
ALTER TABLE orgs ADD COLUMN commits_forgotten BIGINT DEFAULT 0 NOT NULL;
