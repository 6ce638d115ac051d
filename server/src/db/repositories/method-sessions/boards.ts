import type { Queryable } from '../../database';

/** The session's boards, one per space its stages work on (MK-4's groups, the synthesis). */
export async function listSessionBoards(db: Queryable, sessionId: string) {
  return db.query<{ id: string; spaceId: string }>(
    'SELECT id, space_id AS "spaceId" FROM boards WHERE session_id = $1 ORDER BY created_at, id',
    [sessionId],
  );
}

/**
 * Makes the session's board in `spaceId` unless it has one: a session started before its stages
 * worked on boards gets them when a stage opens or the session is read, and two requests doing
 * so at once make one (the unique index decides). The new board's id, or undefined if it existed.
 */
export async function insertSessionBoardIfMissing(
  db: Queryable,
  board: {
    initiativeId: string;
    spaceId: string;
    sessionId: string;
    title: string;
    createdBy: string;
  },
): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO boards (initiative_id, space_id, session_id, title, created_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id, space_id) WHERE session_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [board.initiativeId, board.spaceId, board.sessionId, board.title, board.createdBy],
  );
  return row?.id;
}
