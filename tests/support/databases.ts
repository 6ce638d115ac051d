import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { StorageKind } from '@mizug/domain';
import { inject } from 'vitest';
import type { Database } from '../../server/src/db/database';
import { openPglite } from '../../server/src/db/pglite';
import { openPostgres } from '../../server/src/db/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A freshly initialised, empty PGlite data folder as a tarball (global-setup.ts). */
    pgliteTemplate: string;
  }
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server. */
export const testStorages: StorageKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/**
 * A new, empty database of the given kind that no other test or run shares. For PostgreSQL it
 * is a database of its own, created next to TEST_DATABASE_URL's and dropped on close.
 */
export async function createTestDatabase(kind: StorageKind): Promise<Database> {
  if (kind === 'pglite') {
    const template = new Blob([await readFile(inject('pgliteTemplate'))]);
    return openPglite(undefined, { loadDataDir: template });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mizug_test_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(adminUrl, { max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { max: 4 });
  return {
    ...db,
    async close() {
      await db.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
