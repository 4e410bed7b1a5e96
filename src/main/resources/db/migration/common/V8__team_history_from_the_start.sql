-- A developer's first team applies from the start of their data unless a date says otherwise:
-- valid_from NULL means "since the start", which stays right when older data (an Admin API
-- backfill, imported git history) arrives after the developer was added.
ALTER TABLE team_memberships ALTER COLUMN valid_from DROP NOT NULL;

-- Earlier versions could leave two memberships of a developer overlapping (a move to a day before
-- a later membership left that one in place): the later start wins, as the later move meant.
UPDATE team_memberships SET valid_to = (
    SELECT MIN(n.valid_from) FROM team_memberships n
    WHERE n.developer_id = team_memberships.developer_id AND n.valid_from > team_memberships.valid_from)
  WHERE EXISTS (
    SELECT 1 FROM team_memberships n
    WHERE n.developer_id = team_memberships.developer_id AND n.valid_from > team_memberships.valid_from
      AND (team_memberships.valid_to IS NULL OR team_memberships.valid_to > n.valid_from));

-- Earlier versions dated a developer's first membership the day it was made (creation, import, or
-- a move without a date), which put all older data under "(no team)": open it to the start. A first
-- membership that starts before the developer was created carries a date an admin typed; it stays.
UPDATE team_memberships SET valid_from = NULL
  WHERE id IN (
    SELECT m.id FROM team_memberships m JOIN developers d ON d.id = m.developer_id
    WHERE m.valid_from >= CAST(d.created_at AT TIME ZONE 'UTC' AS DATE)
      AND NOT EXISTS (SELECT 1 FROM team_memberships e WHERE e.developer_id = m.developer_id AND e.valid_from < m.valid_from));
