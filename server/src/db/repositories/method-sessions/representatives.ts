import type { Queryable } from '../../database';

/** Who speaks for a group in the synthesis space, as the group last named them. */
export async function replaceRepresentatives(
  db: Queryable,
  sessionId: string,
  spaceId: string,
  accountIds: string[],
  namedBy: string,
) {
  await db.query('DELETE FROM session_representatives WHERE session_id = $1 AND space_id = $2', [
    sessionId,
    spaceId,
  ]);
  for (const accountId of new Set(accountIds))
    await db.query(
      `INSERT INTO session_representatives (session_id, space_id, account_id, named_by)
       VALUES ($1, $2, $3, $4)`,
      [sessionId, spaceId, accountId, namedBy],
    );
}
