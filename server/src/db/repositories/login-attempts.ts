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

/** How many sign-ins failed within the window, and when the latest did (epoch seconds). */
export interface FailureCount {
  count: number;
  lastAt: number | null;
}

export interface RecentFailures {
  /** This handle from this address, since its last success there. */
  pair: FailureCount;
  /** This handle from any address, since its last success anywhere. */
  handle: FailureCount;
  /** Any handle from this address. */
  address: FailureCount;
  /** This handle signed in from this address before (within `trustDays`). */
  knownAddress: boolean;
  /** The database's clock (epoch seconds), which the times above are on. */
  now: number;
}

/** Failed sign-ins within the window for a handle, an address and the two together. */
export async function countRecentFailures(
  db: Queryable,
  {
    handle,
    address,
    windowMinutes,
    trustDays,
  }: { handle: string; address: string; windowMinutes: number; trustDays: number },
): Promise<RecentFailures> {
  const [row] = await db.query<{
    pair_count: number;
    pair_last: number | null;
    handle_count: number;
    handle_last: number | null;
    address_count: number;
    address_last: number | null;
    known_address: boolean;
    now: number;
  }>(
    `WITH successes AS (
       SELECT max(at) AS by_handle, max(at) FILTER (WHERE address = $2) AS by_pair
       FROM login_attempts WHERE handle = $1 AND succeeded AND at > now() - make_interval(days => $4::int)
     ), failures AS (
       SELECT f.*, f.handle = $1 AND f.at > coalesce(s.by_handle, '-infinity') AS of_handle,
              f.handle = $1 AND f.address = $2 AND f.at > coalesce(s.by_pair, '-infinity') AS of_pair
       FROM login_attempts f, successes s
       WHERE NOT f.succeeded AND f.at > now() - make_interval(mins => $3::int)
         AND (f.handle = $1 OR f.address = $2)
     )
     SELECT count(*) FILTER (WHERE of_pair)::int AS pair_count,
            extract(epoch FROM max(at) FILTER (WHERE of_pair))::float8 AS pair_last,
            count(*) FILTER (WHERE of_handle)::int AS handle_count,
            extract(epoch FROM max(at) FILTER (WHERE of_handle))::float8 AS handle_last,
            count(*) FILTER (WHERE address = $2)::int AS address_count,
            extract(epoch FROM max(at) FILTER (WHERE address = $2))::float8 AS address_last,
            (SELECT by_pair IS NOT NULL FROM successes) AS known_address,
            extract(epoch FROM now())::float8 AS now
     FROM failures`,
    [handle, address, windowMinutes, trustDays],
  );
  return {
    pair: { count: row!.pair_count, lastAt: row!.pair_last },
    handle: { count: row!.handle_count, lastAt: row!.handle_last },
    address: { count: row!.address_count, lastAt: row!.address_last },
    knownAddress: row!.known_address,
    now: row!.now,
  };
}
