import type { Queryable } from '../../database';

export async function insertOwnerConfirmation(
  db: Queryable,
  sessionId: string,
  stageId: string,
  round: number,
  confirmedBy: string,
) {
  await db.query(
    `INSERT INTO stage_owner_confirmations (session_id, stage_id, round, confirmed_by)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [sessionId, stageId, round, confirmedBy],
  );
}

export async function listOwnerConfirmations(db: Queryable, sessionId: string) {
  const rows = await db.query<{ stage_id: string; round: number; confirmed_at: Date }>(
    `SELECT stage_id, round, confirmed_at FROM stage_owner_confirmations WHERE session_id = $1`,
    [sessionId],
  );
  return rows.map((row) => ({
    stageId: row.stage_id,
    round: row.round,
    confirmedAt: row.confirmed_at,
  }));
}
