import type { Queryable } from '../database';

/**
 * What search reads of documents, in @mizug/domain's `searchable` form: a label (what names the
 * document) and the text of its stored snapshot, matched through a trigram index.
 */

/** Stores the text of a document's snapshot, unless one read from a newer snapshot is there. */
export async function writeSearchBody(
  db: Queryable,
  docName: string,
  body: string,
  snapshotSeq: number,
): Promise<void> {
  await db.query(
    `INSERT INTO search_texts (doc_name, body, body_seq) VALUES ($1, $2, $3)
     ON CONFLICT (doc_name) DO UPDATE SET body = excluded.body, body_seq = excluded.body_seq
     WHERE search_texts.body_seq IS NULL OR search_texts.body_seq < excluded.body_seq`,
    [docName, body, snapshotSeq],
  );
}

/** Stores what names a document (a story's title and tags). */
export async function writeSearchLabel(db: Queryable, docName: string, label: string) {
  await db.query(
    `INSERT INTO search_texts (doc_name, label) VALUES ($1, $2)
     ON CONFLICT (doc_name) DO UPDATE SET label = excluded.label`,
    [docName, label],
  );
}

/**
 * Of these documents, the ones whose stored text has every one of these words (each already in
 * searchable form), found through the index. Only documents with an up-to-date entry count.
 */
export async function docsWithWords(
  db: Queryable,
  docNames: string[],
  words: string[],
): Promise<string[]> {
  const patterns = words.map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
  const conditions = patterns.map((_, i) => `text LIKE $${i + 2}`).join(' AND ');
  const rows = await db.query<{ doc_name: string }>(
    `SELECT doc_name FROM search_texts WHERE ${conditions} AND doc_name = ANY($1::text[])`,
    [docNames, ...patterns],
  );
  return rows.map((row) => row.doc_name);
}

/**
 * Of these documents, the ones search cannot answer for from its index: the label or body is
 * not written yet, or updates were stored after the snapshot its body was read from.
 */
export async function docsNotIndexed(db: Queryable, docNames: string[]): Promise<string[]> {
  const rows = await db.query<{ doc_name: string }>(
    `SELECT name AS doc_name FROM unnest($1::text[]) AS name
      WHERE NOT EXISTS (SELECT 1 FROM search_texts t
                         WHERE t.doc_name = name AND t.label IS NOT NULL AND t.body IS NOT NULL)
         OR EXISTS (SELECT 1 FROM collab_updates u WHERE u.doc_name = name)`,
    [docNames],
  );
  return rows.map((row) => row.doc_name);
}
