import type { Queryable } from '../database';
import { toBytes } from './collab-documents';

export type VersionReason = 'scheduled' | 'manual' | 'before_restore';

export interface StoredVersion {
  id: string;
  docName: string;
  takenAt: Date;
  takenBy: string | null;
  reason: VersionReason;
  contributors: string[];
}

interface VersionRow {
  id: string;
  doc_name: string;
  taken_at: Date;
  taken_by: string | null;
  reason: VersionReason;
  contributors: string[];
  [key: string]: unknown;
}

const toVersion = (row: VersionRow): StoredVersion => ({
  id: row.id,
  docName: row.doc_name,
  takenAt: row.taken_at,
  takenBy: row.taken_by,
  reason: row.reason,
  contributors: row.contributors,
});

const columns = 'id, doc_name, taken_at, taken_by, reason, contributors';

/**
 * Stores a version of `state`, crediting everyone who edited the document since the previous
 * version.
 */
export async function insertVersion(
  db: Queryable,
  version: { docName: string; takenBy: string | null; reason: VersionReason; state: Uint8Array },
): Promise<StoredVersion> {
  const [row] = await db.query<VersionRow>(
    `INSERT INTO document_versions (doc_name, taken_by, reason, state, contributors)
     SELECT $1, $2, $3, $4, coalesce(array_agg(c.account_id ORDER BY c.last_edit_at), '{}')
     FROM collab_contributors c
     WHERE c.doc_name = $1 AND c.last_edit_at > coalesce(
       (SELECT max(taken_at) FROM document_versions WHERE doc_name = $1), '-infinity')
     RETURNING ${columns}`,
    [version.docName, version.takenBy, version.reason, version.state],
  );
  return toVersion(row!);
}

export async function listVersions(db: Queryable, docName: string): Promise<StoredVersion[]> {
  const rows = await db.query<VersionRow>(
    `SELECT ${columns} FROM document_versions WHERE doc_name = $1 ORDER BY taken_at DESC`,
    [docName],
  );
  return rows.map(toVersion);
}

export async function readVersionState(db: Queryable, docName: string, versionId: string) {
  const [row] = await db.query<{ state: Uint8Array }>(
    'SELECT state FROM document_versions WHERE id = $1 AND doc_name = $2',
    [versionId, docName],
  );
  return row && toBytes(row.state);
}

/** Documents someone edited after their latest version (or that have none yet). */
export async function documentsEditedSinceLastVersion(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ doc_name: string }>(
    `SELECT c.doc_name FROM collab_contributors c
     GROUP BY c.doc_name
     HAVING max(c.last_edit_at) > coalesce(
       (SELECT max(v.taken_at) FROM document_versions v WHERE v.doc_name = c.doc_name), '-infinity')`,
  );
  return rows.map((row) => row.doc_name);
}
