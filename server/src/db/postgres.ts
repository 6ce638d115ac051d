import postgres from 'postgres';
import { INT8_OID, parseInt8, type Database, type Queryable, type Row } from './database';

export interface PostgresOptions {
  /** Pool size; the default suits one server process on a small machine. */
  max?: number;
}

/** A real PostgreSQL server through postgres.js. */
export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    types: {
      int8: {
        to: INT8_OID,
        from: [INT8_OID],
        serialize: (value: number) => String(value),
        parse: parseInt8,
      },
    },
  });
  const queryable = (runner: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const rows = await runner.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
        prepare: true,
      });
      return rows as unknown as T[];
    },
    async exec(script: string) {
      await runner.unsafe(script);
    },
  });
  return {
    kind: 'postgres',
    ...queryable(sql),
    async transaction(work) {
      return (await sql.begin((tx) => work(queryable(tx)))) as Awaited<ReturnType<typeof work>>;
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
