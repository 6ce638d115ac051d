-- Yjs documents (issue 4): a compacted snapshot plus the updates appended since.
CREATE TABLE collab_snapshots (
  doc_name text PRIMARY KEY,
  state bytea NOT NULL,
  -- Highest collab_updates.seq merged into state.
  last_seq bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE collab_updates (
  seq bigserial PRIMARY KEY,
  doc_name text NOT NULL,
  update bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX collab_updates_doc ON collab_updates (doc_name, seq);
