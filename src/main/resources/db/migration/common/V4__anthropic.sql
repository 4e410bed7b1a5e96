-- Values this installation keeps for itself: a check that YARDSTICK_SECRET_KEY (or the key file)
-- is the key stored secrets were encrypted with.
CREATE TABLE instance_settings (
  name        VARCHAR(100) PRIMARY KEY,
  setting     VARCHAR(4000) NOT NULL
);

-- The Claude Code Analytics Admin API of an organization: the key (AES-256-GCM, never in clear),
-- how far the backfill got, and what the last sync said.
CREATE TABLE anthropic_integrations (
  org_id          BIGINT       PRIMARY KEY REFERENCES orgs (id),
  key_sealed      VARCHAR(1000) NOT NULL,
  key_last4       VARCHAR(4)   NOT NULL,
  backfill_from   DATE         NOT NULL,
  next_day        DATE         NOT NULL,
  last_repoll_at  TIMESTAMP WITH TIME ZONE,
  last_sync_at    TIMESTAMP WITH TIME ZONE,
  last_error      VARCHAR(1000),
  last_error_at   TIMESTAMP WITH TIME ZONE,
  lease_until     TIMESTAMP WITH TIME ZONE,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per actor, day, terminal and remote flag as the API reports it; a re-poll of a day
-- replaces all of that day's rows, so totals never add up twice. Tokens and cost are summed over
-- the row's models for reports; the per-model figures are kept in `models` ("model=input/output/
-- cacheRead/cacheCreation/costUsd;...") instead of a second table, which halved the rows a
-- backfill writes. No foreign key to orgs here: H2 gives it an index on org_id alone, and plans
-- made while the table was empty keep scanning it.
CREATE TABLE anthropic_activity (
  org_id          BIGINT       NOT NULL,
  usage_day       DATE         NOT NULL,
  actor_type      VARCHAR(20)  NOT NULL,
  actor           VARCHAR(512) NOT NULL,
  terminal_type   VARCHAR(200) NOT NULL,
  is_remote       BOOLEAN      NOT NULL,
  customer_type   VARCHAR(40),
  sessions        BIGINT NOT NULL,
  lines_added     BIGINT NOT NULL,
  lines_removed   BIGINT NOT NULL,
  commits         BIGINT NOT NULL,
  pull_requests   BIGINT NOT NULL,
  edits_accepted  BIGINT NOT NULL,
  edits_rejected  BIGINT NOT NULL,
  tokens_input           BIGINT NOT NULL,
  tokens_output          BIGINT NOT NULL,
  tokens_cache_read      BIGINT NOT NULL,
  tokens_cache_creation  BIGINT NOT NULL,
  cost_usd               DOUBLE PRECISION NOT NULL,
  tool_actions    VARCHAR(4000) NOT NULL,
  models          VARCHAR(4000) NOT NULL,
  CONSTRAINT anthropic_activity_pk PRIMARY KEY (org_id, usage_day, actor_type, actor, terminal_type, is_remote)
);
