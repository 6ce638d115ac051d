import { join } from 'node:path';
import type { Config } from '../env';
import type { Database } from './database';
import { lockDataDir } from './data-dir-lock';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/** The configured storage: PostgreSQL when DATABASE_URL is set, otherwise PGlite in the data folder. */
export async function openStorage(
  config: Pick<Config, 'DATABASE_URL' | 'MIZUG_DATA_DIR'>,
): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  const release = lockDataDir(config.MIZUG_DATA_DIR);
  try {
    const db = await openPglite(join(config.MIZUG_DATA_DIR, 'pglite'));
    return {
      ...db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
