import type { Queryable } from '../database';

export const toBytes = (value: Uint8Array) =>
  new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

export interface StoredDocument {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  updates: { seq: number; update: Uint8Array }[];
}

/** The latest snapshot and every update appended after it, in order. */
export async function loadDocument(db: Queryable, docName: string): Promise<StoredDocument> {
  const [snapshot] = await db.query<{ state: Uint8Array; last_seq: number }>(
    'SELECT state, last_seq FROM collab_snapshots WHERE doc_name = $1',
    [docName],
  );
  const snapshotSeq = snapshot?.last_seq ?? 0;
  const updates = await db.query<{ seq: number; update: Uint8Array }>(
    'SELECT seq, update FROM collab_updates WHERE doc_name = $1 AND seq > $2 ORDER BY seq',
    [docName, snapshotSeq],
  );
  return {
    snapshot: snapshot ? toBytes(snapshot.state) : null,
    snapshotSeq,
    updates: updates.map((row) => ({ seq: row.seq, update: toBytes(row.update) })),
  };
}

/**
 * What was stored after sequence number `afterSeq`: the snapshot too when it folded some of
 * those updates in (compaction deletes the updates it folds).
 */
export async function loadDocumentSince(
  db: Queryable,
  docName: string,
  afterSeq: number,
): Promise<StoredDocument> {
  const [snapshot] = await db.query<{ state: Uint8Array; last_seq: number }>(
    'SELECT state, last_seq FROM collab_snapshots WHERE doc_name = $1 AND last_seq > $2',
    [docName, afterSeq],
  );
  const updates = await db.query<{ seq: number; update: Uint8Array }>(
    'SELECT seq, update FROM collab_updates WHERE doc_name = $1 AND seq > $2 ORDER BY seq',
    [docName, Math.max(afterSeq, snapshot?.last_seq ?? 0)],
  );
  return {
    snapshot: snapshot ? toBytes(snapshot.state) : null,
    snapshotSeq: snapshot?.last_seq ?? afterSeq,
    updates: updates.map((row) => ({ seq: row.seq, update: toBytes(row.update) })),
  };
}

/** Appends updates in the order given (sequence numbers follow that order). */
export async function appendUpdates(
  db: Queryable,
  docName: string,
  updates: Uint8Array[],
): Promise<void> {
  const rows = updates.map((_, i) => `($1, $${i + 2})`).join(', ');
  await db.query(`INSERT INTO collab_updates (doc_name, update) VALUES ${rows}`, [
    docName,
    ...updates,
  ]);
}

/** Notes that these accounts edited the document just now, for its history. */
export async function recordContributors(
  db: Queryable,
  docName: string,
  authorIds: string[],
): Promise<void> {
  await db.query(
    `INSERT INTO collab_contributors (doc_name, account_id, last_edit_at)
     SELECT $1, author, now() FROM unnest($2::uuid[]) AS author
     ON CONFLICT (doc_name, account_id) DO UPDATE SET last_edit_at = now()`,
    [docName, authorIds],
  );
}

/** Replaces the snapshot and drops the updates it now contains. */
export async function replaceSnapshot(
  db: Queryable,
  docName: string,
  state: Uint8Array,
  lastSeq: number,
): Promise<void> {
  await db.query(
    `INSERT INTO collab_snapshots (doc_name, state, last_seq) VALUES ($1, $2, $3)
     ON CONFLICT (doc_name) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq, updated_at = now()
     WHERE collab_snapshots.last_seq < excluded.last_seq`,
    [docName, state, lastSeq],
  );
  await db.query('DELETE FROM collab_updates WHERE doc_name = $1 AND seq <= $2', [
    docName,
    lastSeq,
  ]);
}

/** Serializes compaction of one document across server instances (PostgreSQL advisory lock). */
export async function tryLockDocument(db: Queryable, docName: string): Promise<boolean> {
  const [row] = await db.query<{ locked: boolean }>(
    "SELECT pg_try_advisory_xact_lock(hashtext('collab:' || $1)) AS locked",
    [docName],
  );
  return row!.locked;
}
