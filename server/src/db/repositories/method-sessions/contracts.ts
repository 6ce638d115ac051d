import type { ContractTerms, GroupDecisionRule } from '@mizug/domain';
import type { Queryable } from '../../database';
import { json } from './json';

export async function currentContract(db: Queryable, sessionId: string) {
  const [row] = await db.query<{
    version: number;
    terms: string | null;
    decision_rule: GroupDecisionRule;
  }>(
    `SELECT version, terms::text AS terms, decision_rule FROM session_contracts
     WHERE session_id = $1 ORDER BY version DESC LIMIT 1`,
    [sessionId],
  );
  return {
    version: row!.version,
    terms: row!.terms ? json<ContractTerms>(row!.terms) : null,
    /** How a group's decision on a returned finding stands. */
    decisionRule: row!.decision_rule,
  };
}

/** A new version; without a decision rule of its own it keeps the one before it. */
export async function insertContractVersion(
  db: Queryable,
  sessionId: string,
  { decisionRule, ...terms }: ContractTerms,
  writtenBy: string,
): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    `INSERT INTO session_contracts (session_id, version, terms, written_by, decision_rule)
     SELECT $1, max(version) + 1, $2::text::jsonb, $3, coalesce($4::text,
       (SELECT decision_rule FROM session_contracts WHERE session_id = $1
        ORDER BY version DESC LIMIT 1))
     FROM session_contracts WHERE session_id = $1
     RETURNING version`,
    [sessionId, JSON.stringify(terms), writtenBy, decisionRule ?? null],
  );
  return row!.version;
}

export async function acceptContract(
  db: Queryable,
  sessionId: string,
  version: number,
  accountId: string,
) {
  await db.query(
    `INSERT INTO contract_acceptances (session_id, version, account_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [sessionId, version, accountId],
  );
}

export async function listContractAcceptors(db: Queryable, sessionId: string, version: number) {
  const rows = await db.query<{ account_id: string }>(
    'SELECT account_id FROM contract_acceptances WHERE session_id = $1 AND version = $2',
    [sessionId, version],
  );
  return new Set(rows.map((row) => row.account_id));
}
