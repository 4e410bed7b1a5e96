-- When ingest last received data of an identity (the server's clock, not the events' own times):
-- the profile's live check asks "who was received since I rendered?" with one range scan of this index.
ALTER TABLE identities ADD COLUMN last_received TIMESTAMP WITH TIME ZONE;
CREATE INDEX identities_received ON identities (org_id, last_received);

-- Every client version and terminal an identity was seen with ('' = the export did not say),
-- written in the same background batches as first/last seen. At most a few rows per identity
-- (see SeenRefresher.MAX_CLIENTS): a client inventing versions cannot grow it without bound.
CREATE TABLE identity_clients (
  identity_id    BIGINT       NOT NULL REFERENCES identities (id),
  app_version    VARCHAR(512) NOT NULL,
  terminal_type  VARCHAR(512) NOT NULL,
  first_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT identity_clients_pk PRIMARY KEY (identity_id, app_version, terminal_type)
);
