import type { Database, Queryable } from '../db/database';
import { readArchive, type ArchiveEntry } from './archive';
import { BackupError, type BackupHeader, rowsEntry } from './format';
import { accountsTable, backupTables } from './tables';

export interface RestoreSummary {
  header: BackupHeader;
  rows: number;
  media: number;
  documents: number;
  /** People who already had an account here (same id) and kept it as it was. */
  existingAccounts: number;
}

const BATCH = 500;

const tablesByEntry = new Map(
  [accountsTable, ...backupTables].map((table) => [rowsEntry(table.name), table]),
);
const mediaTables = new Map(
  backupTables.filter((table) => table.mediaColumn).map((table) => [table.name, table]),
);

/**
 * Restores the archive at `path` in ONE transaction: a refusal (damaged, foreign, newer schema,
 * initiative already here, a handle taken by someone else) or any failure leaves the database
 * exactly as it was.
 */
export async function restoreInitiative(db: Database, path: string): Promise<RestoreSummary> {
  return db.transaction(async (tx) => {
    await tx.query("SET LOCAL TimeZone = 'UTC'");
    let summary: RestoreSummary | undefined;
    const pendingMedia = new Map<string, number>();
    await readArchive(
      path,
      async (header) => {
        await checkHeader(tx, header);
        summary = { header, rows: 0, media: 0, documents: 0, existingAccounts: 0 };
      },
      async (entry) => {
        const restored = summary!;
        try {
          await restoreEntry(tx, entry, restored, pendingMedia);
        } catch (error) {
          throw asConflict(error, entry.name);
        }
      },
    );
    for (const [table, missing] of pendingMedia)
      if (missing > 0)
        throw new BackupError(
          'damaged',
          `The backup is damaged and was not restored: ${missing} file(s) of ${table} are missing.`,
        );
    return summary!;
  });
}

async function checkHeader(tx: Queryable, header: BackupHeader) {
  const [schema] = await tx.query<{ version: number }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  if (header.schemaVersion > schema!.version)
    throw new BackupError(
      'newer_schema',
      `This backup comes from a newer Mizug (database schema ${header.schemaVersion}; this instance is at ${schema!.version}). Upgrade this instance first.`,
    );
  const [exists] = await tx.query('SELECT 1 FROM initiatives WHERE id = $1', [
    header.initiative.id,
  ]);
  if (exists)
    throw new BackupError(
      'initiative_exists',
      `The initiative "${header.initiative.name}" (${header.initiative.id}) is already on this instance; nothing was restored.`,
    );
}

async function restoreEntry(
  tx: Queryable,
  { name, bytes }: ArchiveEntry,
  summary: RestoreSummary,
  pendingMedia: Map<string, number>,
) {
  const table = tablesByEntry.get(name);
  if (table) {
    const rows = parseRows(bytes, name);
    if (table === accountsTable) {
      const fresh = await newAccounts(tx, rows);
      summary.existingAccounts += rows.length - fresh.length;
      await insertRows(tx, table.name, fresh);
    } else {
      const media = 'mediaColumn' in table ? table.mediaColumn : undefined;
      await insertRows(tx, table.name, rows, media);
      if (media) pendingMedia.set(table.name, rows.length);
    }
    summary.rows += rows.length;
    return;
  }
  const mediaMatch = /^media\/([a-z_]+)\/([0-9a-f-]{36})$/.exec(name);
  const mediaTable = mediaMatch && mediaTables.get(mediaMatch[1]!);
  if (mediaTable) {
    const updated = await tx.query(
      `UPDATE ${mediaTable.name} SET ${mediaTable.mediaColumn} = $1 WHERE id = $2 RETURNING id`,
      [new Uint8Array(bytes), mediaMatch[2]],
    );
    if (updated.length !== 1) throw unexpected(name);
    pendingMedia.set(mediaTable.name, (pendingMedia.get(mediaTable.name) ?? 0) - 1);
    summary.media += 1;
    return;
  }
  const documentMatch = /^documents\/(.+)\.yjs$/.exec(name);
  if (documentMatch) {
    // Snapshot sequence 0: any update the new instance appends later comes after it.
    await tx.query('INSERT INTO collab_snapshots (doc_name, state, last_seq) VALUES ($1, $2, 0)', [
      documentMatch[1],
      new Uint8Array(bytes),
    ]);
    summary.documents += 1;
    return;
  }
  throw unexpected(name);
}

function parseRows(bytes: Buffer, name: string): Record<string, unknown>[] {
  try {
    return bytes
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  } catch {
    throw new BackupError(
      'damaged',
      `The backup is damaged and was not restored: ${name} is not NDJSON.`,
    );
  }
}

/**
 * Accounts are matched by id, never by handle: the same id is the same person (kept as they
 * are here, passphrase included); a handle held here by a different account is someone else,
 * and the restore refuses rather than hand one person's contributions to another.
 */
async function newAccounts(tx: Queryable, rows: Record<string, unknown>[]) {
  const ids = rows.map((row) => row.id as string);
  const handles = rows.map((row) => row.handle as string);
  const present = await tx.query<{ id: string; handle: string }>(
    'SELECT id, handle FROM accounts WHERE id = ANY($1::uuid[]) OR handle = ANY($2::text[])',
    [ids, handles],
  );
  const presentIds = new Set(present.map((account) => account.id));
  const taken = rows.filter(
    (row) =>
      !presentIds.has(row.id as string) && present.some((account) => account.handle === row.handle),
  );
  if (taken.length)
    throw new BackupError(
      'handle_taken',
      `These handles belong to other people on this instance: ${taken.map((row) => row.handle).join(', ')}. Nothing was restored; rename those accounts here first.`,
    );
  return rows.filter((row) => !presentIds.has(row.id as string));
}

/**
 * Inserts rows as the archive has them, BATCH at a time, in their order: the columns are the
 * rows' own, so a column added after the backup was made takes its default.
 * `mediaColumn` is filled with an empty placeholder until its media entry arrives.
 */
async function insertRows(
  tx: Queryable,
  table: string,
  rows: Record<string, unknown>[],
  mediaColumn?: string,
) {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!).map(quoteIdent);
  const targets = mediaColumn ? [...columns, quoteIdent(mediaColumn)] : columns;
  const values = mediaColumn ? [...columns, `'\\x'::bytea`] : columns;
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx.query(
      `INSERT INTO ${table} (${targets.join(', ')})
       SELECT ${values.join(', ')}
         FROM jsonb_populate_recordset(NULL::${table}, $1::text::jsonb) WITH ORDINALITY AS r
        ORDER BY r.ordinality`,
      [JSON.stringify(rows.slice(start, start + BATCH))],
    );
  }
}

const quoteIdent = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new BackupError(
      'damaged',
      `The backup is damaged and was not restored: column "${name}".`,
    );
  return `"${name}"`;
};

const unexpected = (name: string) =>
  new BackupError(
    'damaged',
    `The backup is damaged and was not restored: unexpected entry ${name}.`,
  );

/**
 * A row that clashes with one already here (same id), or points at a row the archive does not
 * hold: explained, nothing restored.
 */
function asConflict(error: unknown, entry: string): unknown {
  if (error instanceof BackupError) return error;
  const { code, message } = error as { code?: unknown; message?: string };
  if (code === '23505')
    return new BackupError(
      'conflict',
      `${entry} holds a row that already exists on this instance (${message}); nothing was restored.`,
    );
  if (code === '23503')
    return new BackupError(
      'damaged',
      `The backup is damaged and was not restored: ${entry} points at rows it does not hold (${message}).`,
    );
  return error;
}
