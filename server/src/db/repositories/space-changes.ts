import type { SpaceChange } from '@mizug/domain';
import type { Queryable } from '../database';

interface ChangeRow {
  id: number;
  at: Date;
  action: string;
  details: Record<string, unknown> | string;
  actor_id: string | null;
  actor_name: string | null;
  person_id: string;
  person_name: string;
  [key: string]: unknown;
}

const asOf = (value: unknown) => (value === 'member' || value === 'guarantor' ? value : null);

function toChange(row: ChangeRow): SpaceChange | undefined {
  const details = typeof row.details === 'string' ? JSON.parse(row.details) : row.details;
  const by = row.actor_id ? { accountId: row.actor_id, displayName: row.actor_name ?? '' } : null;
  const base = { id: row.id, at: row.at.toISOString(), as: null, by };
  const person = { accountId: row.person_id, displayName: row.person_name };
  switch (row.action) {
    case 'space.assign':
      return details.as
        ? { ...base, person, change: 'added', as: asOf(details.as) }
        : { ...base, person, change: 'removed' };
    case 'space.join_request':
      return { ...base, person, change: 'requested' };
    case 'space.join_accept':
      return { ...base, person, change: 'accepted' };
    case 'space.join_decline':
      return { ...base, person, change: 'declined' };
    case 'membership.remove':
      return { ...base, person, change: 'removed' };
    case 'invitation.accept':
      // The person joined themselves; entries older than `as` joined as their role implied.
      if (details.as === 'pending') return { ...base, person, by: null, change: 'requested' };
      return {
        ...base,
        person,
        by: null,
        change: 'joined',
        as: asOf(details.as) ?? (details.role === 'facilitator' ? 'guarantor' : 'member'),
      };
  }
  return undefined;
}

/**
 * Who joined, was proposed, accepted, declined or removed in one peer space, newest first: read
 * from the audit log, which records every such change in the transaction that made it.
 */
export async function listSpaceChanges(
  db: Queryable,
  initiativeId: string,
  spaceId: string,
  limit = 50,
): Promise<SpaceChange[]> {
  const rows = await db.query<ChangeRow>(
    `SELECT l.id, l.at, l.action, l.details, l.actor_id, actor.display_name AS actor_name,
       person.id AS person_id, person.display_name AS person_name
     FROM audit_log l
     LEFT JOIN accounts actor ON actor.id = l.actor_id
     JOIN accounts person ON person.id::text =
       CASE WHEN l.action = 'invitation.accept' THEN l.actor_id::text ELSE l.details->>'accountId' END
     WHERE l.initiative_id = $1
       AND ((l.action IN ('space.assign', 'space.join_request', 'space.join_accept',
                          'space.join_decline', 'invitation.accept')
             AND l.details->>'spaceId' = $2)
         OR (l.action = 'membership.remove' AND l.details->'spaceIds' @> jsonb_build_array($2::text)))
     ORDER BY l.id DESC LIMIT $3`,
    [initiativeId, spaceId, limit],
  );
  return rows.map(toChange).filter((change) => change !== undefined);
}
