-- Version history of collaborative documents (issue 5: a story's earlier versions, restorable,
-- with who wrote what between them).

-- Who has edited each document, and when last; kept outside the updates because compaction
-- folds those away.
CREATE TABLE collab_contributors (
  doc_name text NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts (id),
  last_edit_at timestamptz NOT NULL,
  PRIMARY KEY (doc_name, account_id)
);

CREATE TABLE document_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  doc_name text NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- NULL for the server's scheduled versions.
  taken_by uuid REFERENCES accounts (id),
  reason text NOT NULL CHECK (reason IN ('scheduled', 'manual', 'before_restore')),
  state bytea NOT NULL,
  -- Who edited the document between the previous version and this one.
  contributors uuid[] NOT NULL DEFAULT '{}'
);
CREATE INDEX document_versions_doc ON document_versions (doc_name, taken_at DESC);
