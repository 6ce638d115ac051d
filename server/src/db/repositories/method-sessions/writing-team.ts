import type { Queryable } from '../../database';

/** The session's writing team, as its facilitators last chose it. */
export async function replaceWritingTeam(
  db: Queryable,
  sessionId: string,
  accountIds: string[],
  chosenBy: string,
) {
  await db.query('DELETE FROM session_writing_team WHERE session_id = $1', [sessionId]);
  for (const accountId of new Set(accountIds))
    await db.query(
      `INSERT INTO session_writing_team (session_id, account_id, chosen_by) VALUES ($1, $2, $3)`,
      [sessionId, accountId, chosenBy],
    );
}
