import type { Queryable } from '../database';

export const toBytes = (value: Uint8Array) =>
  new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

export interface StoredDocument {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** The updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** The sequence number of the last of them (snapshotSeq when there are none). */
  lastSeq: number;
}

/** Splits what the load query aggregated: each update preceded by its length (4 bytes, big-endian). */
function splitUpdates(data: Uint8Array | null): Uint8Array[] {
  if (!data) return [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const updates: Uint8Array[] = [];
  for (let offset = 0; offset < data.byteLength;) {
    const length = view.getInt32(offset);
    updates.push(data.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return updates;
}

/**
 * The snapshot (when it folded in updates after `afterSeq`) and every update after both, read in
 * ONE statement: a compaction committing between two reads would leave a reader with an old
 * snapshot and without the updates the new one folded in (and deleted). The updates come back
 * as one value: returning thousands of rows costs far more than the bytes (PGlite above all).
 */
async function loadStored(
  db: Queryable,
  docName: string,
  afterSeq: number,
): Promise<{
  snapshot: { state: Uint8Array; lastSeq: number } | null;
  updates: Uint8Array[];
  lastSeq: number | null;
}> {
  const [row] = await db.query<{
    state: Uint8Array | null;
    snapshot_seq: number | null;
    updates: Uint8Array | null;
    last_seq: number | null;
  }>(
    `WITH snapshot AS (
       SELECT state, last_seq FROM collab_snapshots WHERE doc_name = $1 AND last_seq > $2
     ), updates AS (
       SELECT seq, update FROM collab_updates
        WHERE doc_name = $1 AND seq > GREATEST($2, COALESCE((SELECT last_seq FROM snapshot), 0))
     )
     SELECT (SELECT state FROM snapshot) AS state,
            (SELECT last_seq FROM snapshot) AS snapshot_seq,
            (SELECT string_agg(int4send(length(update)) || update, ''::bytea ORDER BY seq)
               FROM updates) AS updates,
            (SELECT max(seq) FROM updates) AS last_seq`,
    [docName, afterSeq],
  );
  return {
    snapshot:
      row?.state && row.snapshot_seq !== null
        ? { state: toBytes(row.state), lastSeq: row.snapshot_seq }
        : null,
    updates: splitUpdates(row?.updates ? toBytes(row.updates) : null),
    lastSeq: row?.last_seq ?? null,
  };
}

/** The latest snapshot and every update appended after it, in order. */
export async function loadDocument(db: Queryable, docName: string): Promise<StoredDocument> {
  const { snapshot, updates, lastSeq } = await loadStored(db, docName, -1);
  const snapshotSeq = snapshot?.lastSeq ?? 0;
  return {
    snapshot: snapshot?.state ?? null,
    snapshotSeq,
    updates,
    lastSeq: lastSeq ?? snapshotSeq,
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
  const { snapshot, updates, lastSeq } = await loadStored(db, docName, afterSeq);
  const snapshotSeq = snapshot?.lastSeq ?? afterSeq;
  return {
    snapshot: snapshot?.state ?? null,
    snapshotSeq,
    updates,
    lastSeq: lastSeq ?? snapshotSeq,
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

/**
 * Appends updates of several documents in one statement (one commit), each in the order given:
 * rows are inserted in the order of VALUES, so sequence numbers follow it.
 */
export async function appendUpdatesOfDocuments(
  db: Queryable,
  rows: readonly { docName: string; update: Uint8Array }[],
): Promise<void> {
  const values = rows.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
  await db.query(
    `INSERT INTO collab_updates (doc_name, update) VALUES ${values}`,
    rows.flatMap(({ docName, update }) => [docName, update]),
  );
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
