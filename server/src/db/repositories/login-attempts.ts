import type { Queryable } from '../database';

export async function recordLoginAttempt(
  db: Queryable,
  attempt: { handle: string; address: string; succeeded: boolean },
): Promise<void> {
  await db.query('INSERT INTO login_attempts (handle, address, succeeded) VALUES ($1, $2, $3)', [
    attempt.handle,
    attempt.address,
    attempt.succeeded,
  ]);
}

/** Failed attempts within the window, for this handle and for this address. */
export async function countRecentFailures(
  db: Queryable,
  { handle, address, windowMinutes }: { handle: string; address: string; windowMinutes: number },
): Promise<{ byHandle: number; byAddress: number }> {
  const [row] = await db.query<{ by_handle: number; by_address: number }>(
    `SELECT count(*) FILTER (WHERE handle = $1)::int AS by_handle,
            count(*) FILTER (WHERE address = $2)::int AS by_address
     FROM login_attempts
     WHERE NOT succeeded AND at > now() - make_interval(mins => $3::int) AND (handle = $1 OR address = $2)`,
    [handle, address, windowMinutes],
  );
  return { byHandle: row!.by_handle, byAddress: row!.by_address };
}
