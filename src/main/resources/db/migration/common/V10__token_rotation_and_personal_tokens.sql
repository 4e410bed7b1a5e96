-- Rotation: the old token keeps working until expires_at (the grace period); replaces names the token a
-- rotation replaced. A personal token belongs to a developer (developer_id): its data is theirs.
ALTER TABLE ingest_tokens ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ingest_tokens ADD COLUMN replaces VARCHAR(40);
ALTER TABLE ingest_tokens ADD COLUMN developer_id BIGINT REFERENCES developers (id);
CREATE INDEX ingest_tokens_developer ON ingest_tokens (developer_id);

-- The personal ingest token an identity's data came with (null for an organization token): the first
-- raw identifier of that identity, resolved to the token's developer when read.
ALTER TABLE identities ADD COLUMN personal_token VARCHAR(40);

-- Which identities sent data with which token, written in the background (TokenSightings): the
-- developers seen per token are these identities resolved when read.
CREATE TABLE ingest_token_identities (
  org_id       BIGINT      NOT NULL,
  token_id     VARCHAR(40) NOT NULL,
  identity_id  BIGINT      NOT NULL,
  first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT ingest_token_identities_pk PRIMARY KEY (token_id, identity_id)
);
CREATE INDEX ingest_token_identities_org ON ingest_token_identities (org_id);
