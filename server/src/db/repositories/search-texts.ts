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

/**
 * Stores what names a document (a story's title and tags); `onlyIfMissing` for a label read
 * outside the transaction that changes it, so it never replaces a newer one.
 */
export async function writeSearchLabel(
  db: Queryable,
  docName: string,
  label: string,
  onlyIfMissing = false,
) {
  await db.query(
    `INSERT INTO search_texts (doc_name, label) VALUES ($1, $2)
     ON CONFLICT (doc_name) DO UPDATE SET label = excluded.label
     ${onlyIfMissing ? 'WHERE search_texts.label IS NULL' : ''}`,
    [docName, label],
  );
}

/**
 * The stories of an initiative whose indexed text has every one of these words (each already in
 * searchable form), found through the trigram index, and the ones the index cannot answer for
 * (see staleStoryDocs).
 */
export async function storySearchCandidates(
  db: Queryable,
  initiativeId: string,
  words: string[],
): Promise<{ matched: string[]; stale: Set<string> }> {
  const patterns = words.map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
  const conditions = patterns.map((_, i) => `t.text LIKE $${i + 2}`).join(' AND ');
  const [rows, stale] = await Promise.all([
    db.query<{ id: string }>(
      `SELECT s.id FROM search_texts t
         JOIN stories s ON t.doc_name = 'story.' || s.id || '.body'
        WHERE ${conditions} AND s.initiative_id = $1`,
      [initiativeId, ...patterns],
    ),
    staleStoryDocs(db, initiativeId),
  ]);
  return { matched: rows.map((row) => row.id), stale };
}

/**
 * Story documents whose index entry lags behind what is stored: missing (a restored backup
 * leaves it out), its label or body not written yet, or updates stored since the snapshot its
 * body was read from (compaction folds them within moments of the room closing, so few).
 */
async function staleStoryDocs(db: Queryable, initiativeId: string): Promise<Set<string>> {
  const rows = await db.query<{ doc_name: string }>(
    `SELECT 'story.' || s.id || '.body' AS doc_name FROM stories s
      WHERE s.initiative_id = $1
        AND NOT EXISTS (SELECT 1 FROM search_texts t WHERE t.doc_name = 'story.' || s.id || '.body'
                           AND t.label IS NOT NULL AND t.body IS NOT NULL)
     UNION
     SELECT DISTINCT doc_name FROM collab_updates WHERE doc_name LIKE 'story.%'`,
    [initiativeId],
  );
  return new Set(rows.map((row) => row.doc_name));
}
