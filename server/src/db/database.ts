import type { StorageKind } from '@mizug/domain';

export type Row = Record<string, unknown>;

/**
 * What repositories need from storage. Both engines answer the same SQL with `$1` parameters and
 * the same JS types (int8 → number, bytea → Uint8Array, timestamptz → Date), so no query forks.
 */
export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: StorageKind;
  /** Runs `work` in one transaction; rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** int8 values in Mizug (counts, sequence numbers) stay far below 2^53. */
export const INT8_OID = 20;
export const parseInt8 = (value: string): number => Number(value);
