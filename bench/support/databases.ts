// The two storages a bench compares: PGlite in memory, and a database of its own on the
// PostgreSQL server at BENCH_DATABASE_URL (TEST_DATABASE_URL, or the local default), dropped
// afterwards.
import postgres from 'postgres';
import type { Database } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/migrate';
import { openPglite } from '../../server/src/db/pglite';
import { openPostgres } from '../../server/src/db/postgres';

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs `measure` on a migrated database of each kind; PostgreSQL only when it answers. */
export async function onBothDatabases<T>(measure: (db: Database) => Promise<T>) {
  const pglite = await openPglite(undefined);
  await migrate(pglite);
  const onPglite = await measure(pglite).finally(() => pglite.close());
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 2 });
  try {
    await admin`SELECT 1`;
  } catch {
    await admin.end();
    return { pglite: onPglite, postgres: `no PostgreSQL answers at ${adminUrl}` };
  }
  const name = `mizug_bench_${process.pid}_${Date.now()}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString());
    await migrate(db);
    return { pglite: onPglite, postgres: await measure(db).finally(() => db.close()) };
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export const round = (n: number) => Math.round(n * 10) / 10;
export const median = (values: number[]) =>
  round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
export const percentile = (values: number[], p: number) =>
  round([...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1]!);
