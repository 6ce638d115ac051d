import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { INT8_OID, parseInt8, type Database, type Queryable, type Row } from './database';

type Runner = Pick<PGlite | Transaction, 'query' | 'exec'>;

function queryable(runner: Runner): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await runner.query<T>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await runner.exec(script);
    },
  };
}

/**
 * PostgreSQL's default 128 MB of shared buffers end up resident in the WebAssembly memory, which
 * never shrinks; 16 MB hold Mizug's working set and keep the process about 140 MB smaller.
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * Creates the data folder in a short-lived child process: initdb grows the WebAssembly memory to
 * about 700 MB, which a process keeps for good once grown. Written beside the folder and renamed
 * into place, so an interrupted initdb never leaves a half-made folder behind.
 */
function initdbInChildProcess(dataDir: string) {
  mkdirSync(dirname(dataDir), { recursive: true });
  const scratch = `${dataDir}.initdb-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  const pglitePath = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `const { PGlite } = require(${JSON.stringify(pglitePath)});
    PGlite.create({ dataDir: process.argv[1] }).then((db) => db.close());`;
  execFileSync(process.execPath, ['-e', script, scratch], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  renameSync(scratch, dataDir);
}

/**
 * Embedded PostgreSQL. `dataDir` undefined keeps it in memory (tests). PGlite has one connection,
 * so a transaction holds back every other query until it ends: keep transactions short.
 */
export async function openPglite(
  dataDir: string | undefined,
  options: Pick<PGliteOptions, 'loadDataDir'> = {},
): Promise<Database & { pglite: PGlite }> {
  if (dataDir && !options.loadDataDir && !existsSync(join(dataDir, 'PG_VERSION')))
    initdbInChildProcess(dataDir);
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...options,
    startParams,
    extensions: { pg_trgm },
    parsers: { [INT8_OID]: parseInt8 },
  });
  return {
    kind: 'pglite',
    pglite,
    ...queryable(pglite),
    transaction: (work) => pglite.transaction((tx) => work(queryable(tx))),
    close: () => pglite.close(),
  };
}
