import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

/** Next to this module in the sources, and copied next to the bundle by build.mjs. */
const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

/** Reads `NNNN_name.sql` files in version order. */
export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new MigrationError(`Migration file name ${file} is not NNNN_name.sql`);
      const sql = await readFile(`${dir}/${file}`, 'utf8');
      return {
        version: Number(match[1]),
        name: match[2]!,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

// Any fixed number works; it only has to be the same in every Mizug process.
const MIGRATION_LOCK = 720_301;

/**
 * Applies the migrations not yet recorded in `schema_migrations`, all in one transaction, so a
 * failing migration leaves the database as it was.
 * Several instances starting together serialize on an advisory lock. A recorded migration whose
 * file has since changed stops the start: editing an applied migration is always a mistake.
 * Returns the versions it applied.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await readMigrations());
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Map(
      (
        await tx.query<{ version: number; checksum: string }>(
          'SELECT version, checksum FROM schema_migrations',
        )
      ).map((row) => [row.version, row.checksum]),
    );
    const done: number[] = [];
    for (const migration of all) {
      const recorded = applied.get(migration.version);
      if (recorded === undefined) {
        await tx.exec(migration.sql);
        await tx.query(
          'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
          [migration.version, migration.name, migration.checksum],
        );
        done.push(migration.version);
      } else if (recorded !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.version} (${migration.name}) was changed after it was applied.`,
        );
      }
    }
    return done;
  });
}
