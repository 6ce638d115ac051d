import type { Queryable } from '../../database';

/** The session's boards, one per space its stages work on (MK-4's groups, the synthesis). */
export async function listSessionBoards(db: Queryable, sessionId: string) {
  return db.query<{ id: string; spaceId: string }>(
    'SELECT id, space_id AS "spaceId" FROM boards WHERE session_id = $1 ORDER BY created_at, id',
    [sessionId],
  );
}
