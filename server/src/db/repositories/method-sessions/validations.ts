import type { ValidationDecision } from '@mizug/domain';
import type { Queryable } from '../../database';

export interface StoredValidation {
  stageId: string;
  spaceId: string;
  round: number;
  decision: ValidationDecision;
  comment: string;
  decidedBy: string;
  decidedAt: Date;
}

export async function insertValidation(
  db: Queryable,
  sessionId: string,
  validation: Omit<StoredValidation, 'decidedAt'>,
) {
  await db.query(
    `INSERT INTO stage_validations (session_id, stage_id, space_id, round, decision, comment, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      sessionId,
      validation.stageId,
      validation.spaceId,
      validation.round,
      validation.decision,
      validation.comment,
      validation.decidedBy,
    ],
  );
}

export async function listValidations(db: Queryable, sessionId: string) {
  const rows = await db.query<{
    stage_id: string;
    space_id: string;
    round: number;
    decision: ValidationDecision;
    comment: string;
    decided_by: string;
    decided_at: Date;
  }>(
    `SELECT stage_id, space_id, round, decision, comment, decided_by, decided_at
     FROM stage_validations WHERE session_id = $1 ORDER BY decided_at`,
    [sessionId],
  );
  return rows.map((row): StoredValidation => ({
    stageId: row.stage_id,
    spaceId: row.space_id,
    round: row.round,
    decision: row.decision,
    comment: row.comment,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  }));
}
