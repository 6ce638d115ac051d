import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testStorages } from '../../../tests/support/databases';
import type { Database } from './database';
import { MigrationError, migrate, readMigrations, type Migration } from './migrate';

const extra = (version: number, sql: string): Migration => ({
  version,
  name: `extra_${version}`,
  sql,
  checksum: `checksum-${sql}`,
});

describe.each(testStorages)('migrate on %s', (kind) => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await db.close();
  });

  it('applies every migration once and records it', async () => {
    const shipped = await readMigrations();
    expect(await migrate(db)).toEqual(shipped.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    const recorded = await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(recorded).toEqual(shipped.map(({ version, name }) => ({ version, name })));
  });

  it('applies only the migrations added since the last start', async () => {
    const shipped = await readMigrations();
    await migrate(db, shipped);
    const next = extra(9000, 'CREATE TABLE note (body text NOT NULL)');
    expect(await migrate(db, [...shipped, next])).toEqual([9000]);
    await db.query("INSERT INTO note (body) VALUES ('kept')");
    expect(await db.query('SELECT body FROM note')).toEqual([{ body: 'kept' }]);
  });

  it('leaves the database unchanged when a migration fails', async () => {
    const broken = [
      extra(9001, 'CREATE TABLE first_half (id int)'),
      extra(9002, 'CREATE TABLE broken (id int REFERENCES nowhere (id))'),
    ];
    await expect(migrate(db, broken)).rejects.toThrow();
    const [table] = await db.query<{ exists: string | null }>(
      "SELECT to_regclass('first_half')::text AS exists",
    );
    expect(table?.exists).toBeNull();
  });

  it('refuses to start when an applied migration was edited', async () => {
    const shipped = await readMigrations();
    await migrate(db, shipped);
    const edited = shipped.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db, edited)).rejects.toThrow(MigrationError);
  });
});
