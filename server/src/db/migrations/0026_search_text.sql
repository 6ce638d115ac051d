-- Story search through a trigram index (issue 16) instead of decoding every readable story's
-- document on each query. Text here is in @mizug/domain's `searchable` form, for queries in the
-- same form.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- What search reads of a document (today: a story's body doc), keyed by the document's name.
CREATE TABLE search_texts (
  doc_name text PRIMARY KEY,
  -- What names the document: a story's title and tags. NULL: not written since this migration.
  label text,
  -- The text of the stored snapshot, written by compaction. NULL: not compacted since then.
  body text,
  -- collab_snapshots.last_seq the body was read from; a newer snapshot is never overwritten.
  body_seq bigint,
  text text GENERATED ALWAYS AS (coalesce(label, '') || E'\n' || coalesce(body, '')) STORED
);
CREATE INDEX search_texts_trigrams ON search_texts USING gin (text gin_trgm_ops);

-- Stories without a complete row are read from their document by the first search that meets
-- them, which writes their row.
