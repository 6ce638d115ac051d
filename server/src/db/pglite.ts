import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
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
 * Embedded PostgreSQL. `dataDir` undefined keeps it in memory (tests). PGlite has one connection,
 * so a transaction holds back every other query until it ends: keep transactions short.
 */
export async function openPglite(
  dataDir: string | undefined,
  options: Pick<PGliteOptions, 'loadDataDir'> = {},
): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...options,
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
