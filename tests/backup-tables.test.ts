import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountsTable,
  backupTables,
  documentTables,
  excludedTables,
} from '../server/src/backup/tables';
import type { Database } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { createTestDatabase } from './support/databases';

/**
 * The backup's table list against the schema the migrations make: a migration that adds a table
 * fails here until the table is backed up or excluded with a reason (server/src/backup/tables.ts).
 */
describe('the tables a backup holds', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await migrate(db);
  });
  afterAll(() => db?.close());

  const listed = [accountsTable.name, ...backupTables.map((table) => table.name)];

  it('name every table of the schema: backed up, or left out on purpose', async () => {
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const known = new Set([...listed, ...documentTables, ...Object.keys(excludedTables)]);
    expect(tables.map((table) => table.name).filter((name) => !known.has(name))).toEqual([]);
    expect([...known].filter((name) => !tables.some((table) => table.name === name))).toEqual([]);
  });

  it('come in an order where every foreign key points at a table restored before it', async () => {
    const references = await db.query<{ from: string; to: string }>(
      `SELECT con.conrelid::regclass::text AS from, con.confrelid::regclass::text AS to
         FROM pg_constraint con WHERE con.contype = 'f'`,
    );
    const late = references.filter(
      ({ from, to }) =>
        listed.includes(from) && from !== to && listed.indexOf(to) > listed.indexOf(from),
    );
    expect(late).toEqual([]);
    // Every table referenced by a backed-up one is backed up too (or the restore would break).
    const outside = references.filter(
      ({ from, to }) => listed.includes(from) && !listed.includes(to),
    );
    expect(outside).toEqual([]);
  });
});
