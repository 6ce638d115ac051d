import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import * as Y from 'yjs';
import type { Database, Queryable } from '../db/database';
import { loadDocument } from '../db/repositories/collab-documents';
import { ArchiveWriter } from './archive';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  documentEntry,
  HEADER_ENTRY,
  mediaEntry,
  rowsEntry,
  type BackupHeader,
} from './format';
import { accountsTable, backupTables, ofDocuments, type BackupTable } from './tables';

export interface BackupSummary {
  header: BackupHeader;
  rows: number;
  media: number;
  documents: number;
}

/**
 * Writes the initiative `initiativeId` to a new file at `out` (docs/BACKUP.md). Everything is
 * read in one REPEATABLE READ transaction, so the archive is one consistent moment even while
 * the server runs; the file appears only once complete.
 */
export async function backupInitiative(
  db: Database,
  initiativeId: string,
  out: string,
): Promise<BackupSummary> {
  if (existsSync(out))
    throw new BackupError('out_exists', `${out} already exists; choose another file name.`);
  const partial = `${out}.partial`;
  const writer = new ArchiveWriter(partial);
  try {
    const summary = await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      // Timestamps as text in one zone, so two instances write the same moment the same way.
      await tx.query("SET LOCAL TimeZone = 'UTC'");
      return writeInitiative(tx, initiativeId, writer);
    });
    await writer.finish();
    await rename(partial, out);
    return summary;
  } catch (error) {
    writer.abort();
    await rm(partial, { force: true });
    throw error;
  }
}

async function writeInitiative(
  tx: Queryable,
  initiativeId: string,
  writer: ArchiveWriter,
): Promise<BackupSummary> {
  const [initiative] = await tx.query<{ name: string }>(
    'SELECT name FROM initiatives WHERE id = $1',
    [initiativeId],
  );
  if (!initiative)
    throw new BackupError(
      'initiative_not_found',
      `There is no initiative with id ${initiativeId}.`,
    );
  const [instance] = await tx.query<{ id: string }>('SELECT id FROM instance');
  const [schema] = await tx.query<{ version: number }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    sourceInstance: instance!.id,
    createdAt: new Date().toISOString(),
    schemaVersion: schema!.version,
    initiative: { id: initiativeId, name: initiative.name },
  };
  await writer.add(HEADER_ENTRY, json(header));
  const summary: BackupSummary = { header, rows: 0, media: 0, documents: 0 };

  const accounts = await tx.query<{ row: object }>(
    `SELECT ${rowJson('t', accountsTable.omitColumns)} AS row FROM accounts t
      WHERE t.id IN (${await referencedAccounts(tx)}) ORDER BY t.id`,
    [initiativeId],
  );
  await writer.add(rowsEntry(accountsTable.name), ndjson(accounts.map((r) => r.row)));
  summary.rows += accounts.length;

  for (const table of backupTables) {
    const rows = await rowsOf(tx, table, initiativeId);
    await writer.add(rowsEntry(table.name), ndjson(rows));
    summary.rows += rows.length;
    if (table.mediaColumn) {
      // One file's bytes in memory at a time.
      for (const { id } of rows as { id: string }[]) {
        const [media] = await tx.query<{ bytes: Uint8Array }>(
          `SELECT ${table.mediaColumn} AS bytes FROM ${table.name} WHERE id = $1`,
          [id],
        );
        await writer.add(mediaEntry(table.name, id), media!.bytes);
        summary.media += 1;
      }
    }
  }

  const documents = await tx.query<{ doc_name: string }>(
    `SELECT DISTINCT t.doc_name FROM (
       SELECT doc_name FROM collab_snapshots UNION SELECT doc_name FROM collab_updates
     ) t WHERE ${ofDocuments} ORDER BY t.doc_name`,
    [initiativeId],
  );
  for (const { doc_name: docName } of documents) {
    await writer.add(documentEntry(docName), await documentState(tx, docName));
    summary.documents += 1;
  }
  return summary;
}

/** The table's row as JSON (lossless: bytea as \x hex, timestamps with microseconds). */
const rowJson = (alias: string, omit: string[] = []) =>
  [`to_jsonb(${alias})`, ...omit.map((column) => `'${column}'`)].join(' - ');

async function rowsOf(tx: Queryable, table: BackupTable, initiativeId: string) {
  const omit = [...(table.omitColumns ?? []), ...(table.mediaColumn ? [table.mediaColumn] : [])];
  const rows = await tx.query<{ row: Record<string, unknown> }>(
    `SELECT ${rowJson('t', omit)} AS row FROM ${table.name} t WHERE ${table.scope}
      ORDER BY ${table.orderBy ?? `${rowJson('t', omit)}::text`}`,
    [initiativeId],
  );
  const ordered = rows.map((r) => r.row);
  return table.parentColumn ? parentsFirst(ordered, table.parentColumn) : ordered;
}

/** Rows whose parent is among them come after it; otherwise the order stays as it was. */
function parentsFirst(rows: Record<string, unknown>[], parentColumn: string) {
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  const placed = new Set<string>();
  const ordered: Record<string, unknown>[] = [];
  const place = (row: Record<string, unknown>) => {
    const id = row.id as string;
    if (placed.has(id)) return;
    placed.add(id);
    const parent = byId.get(row[parentColumn] as string);
    if (parent) place(parent);
    ordered.push(row);
  };
  rows.forEach(place);
  return ordered;
}

/**
 * Every account a backed-up row points at, as one SELECT over `$1`: read from the catalog, so
 * a column added by a later migration is followed without a change here.
 */
async function referencedAccounts(tx: Queryable): Promise<string> {
  const references = await tx.query<{ table_name: string; column_name: string }>(
    `SELECT rel.relname AS table_name, att.attname AS column_name
       FROM pg_constraint con
       JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace ns ON ns.oid = rel.relnamespace
       JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey)
      WHERE con.contype = 'f' AND con.confrelid = 'accounts'::regclass
        AND ns.nspname = current_schema()
      ORDER BY 1, 2`,
  );
  const scopes = new Map(backupTables.map((table) => [table.name, table.scope]));
  const selects = references
    .filter((reference) => scopes.has(reference.table_name))
    .map(
      ({ table_name: table, column_name: column }) =>
        `SELECT t.${column} FROM ${table} t WHERE ${scopes.get(table)}`,
    );
  // Who edited a version: kept by id in an array, without a foreign key.
  selects.push(`SELECT unnest(t.contributors) FROM document_versions t WHERE ${ofDocuments}`);
  return selects.join(' UNION ');
}

/** A document's snapshot and updates merged into one Yjs state. */
async function documentState(tx: Queryable, docName: string): Promise<Uint8Array> {
  const stored = await loadDocument(tx, docName);
  const doc = new Y.Doc();
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(doc, update);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 1));
const ndjson = (rows: object[]) =>
  Buffer.from(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
