import type { Queryable } from '../../database';

export interface StoredStageState {
  stageId: string;
  status: 'open' | 'closed';
  round: number;
  timerEndsAt: Date | null;
}

export async function listStageStates(db: Queryable, sessionId: string) {
  const rows = await db.query<{
    stage_id: string;
    status: 'open' | 'closed';
    round: number;
    timer_ends_at: Date | null;
  }>('SELECT stage_id, status, round, timer_ends_at FROM session_stages WHERE session_id = $1', [
    sessionId,
  ]);
  return rows.map((row): StoredStageState => ({
    stageId: row.stage_id,
    status: row.status,
    round: row.round,
    timerEndsAt: row.timer_ends_at,
  }));
}

/** Opens a stage for the first time, or again in a new round. */
export async function openStage(db: Queryable, sessionId: string, stageId: string) {
  await db.query(
    `INSERT INTO session_stages (session_id, stage_id, status) VALUES ($1, $2, 'open')
     ON CONFLICT (session_id, stage_id)
     DO UPDATE SET status = 'open', round = session_stages.round + 1, timer_ends_at = NULL,
       changed_at = now()`,
    [sessionId, stageId],
  );
}

export async function closeStage(db: Queryable, sessionId: string, stageId: string) {
  await db.query(
    `UPDATE session_stages SET status = 'closed', timer_ends_at = NULL, changed_at = now()
     WHERE session_id = $1 AND stage_id = $2`,
    [sessionId, stageId],
  );
}

export async function setStageTimer(
  db: Queryable,
  sessionId: string,
  stageId: string,
  endsAt: Date | null,
) {
  await db.query(
    'UPDATE session_stages SET timer_ends_at = $3 WHERE session_id = $1 AND stage_id = $2',
    [sessionId, stageId, endsAt],
  );
}

export async function recordStageEvent(
  db: Queryable,
  event: {
    sessionId: string;
    stageId: string;
    action: 'opened' | 'closed' | 'reopened';
    actorId: string;
    overrideReason?: string;
  },
) {
  await db.query(
    `INSERT INTO session_stage_events (session_id, stage_id, action, actor_id, override_reason)
     VALUES ($1, $2, $3, $4, $5)`,
    [event.sessionId, event.stageId, event.action, event.actorId, event.overrideReason ?? null],
  );
}

export async function listStageEvents(db: Queryable, sessionId: string) {
  const rows = await db.query<{
    stage_id: string;
    action: 'opened' | 'closed' | 'reopened';
    override_reason: string | null;
    actor_id: string;
    at: Date;
  }>(
    `SELECT stage_id, action, override_reason, actor_id, at FROM session_stage_events
     WHERE session_id = $1 ORDER BY at`,
    [sessionId],
  );
  return rows.map((row) => ({
    stageId: row.stage_id,
    action: row.action,
    overrideReason: row.override_reason,
    actorId: row.actor_id,
    at: row.at,
  }));
}
